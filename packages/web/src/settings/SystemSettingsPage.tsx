import { Card, Empty, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth/me';
import { systemSections } from './systemSections';

/** 系统设置: a menu of the sections the user may administer, each at /settings/system/<key>. */
export function SystemSettingsPage() {
  const { t } = useTranslation();
  const { can } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const sections = systemSections.filter((s) => can(s.permission));
  if (sections.length === 0) return <Empty description={t('common.empty')} />;
  const current = location.pathname.split('/')[3] ?? sections[0]!.key;
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card style={{ width: 200 }} styles={{ body: { padding: 0 } }}>
        <Menu
          data-testid="system-settings-menu"
          selectedKeys={[current]}
          items={sections.map((s) => ({ key: s.key, label: t(s.labelKey) }))}
          onClick={({ key }) => navigate(`/settings/system/${key}`)}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Routes>
          {sections.map((s) => <Route key={s.key} path={`${s.key}/*`} element={s.element} />)}
          <Route path="*" element={<Navigate to={sections[0]!.key} replace />} />
        </Routes>
      </div>
    </div>
  );
}
