import { Avatar, Dropdown, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { EllipsisOutlined, QuestionCircleOutlined, SettingOutlined, TranslationOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { patch } from '../api/client';
import { useCurrentUser, useMe } from '../auth/me';
import { GlobalSearch } from '../search/GlobalSearch';
import { systemSections } from '../settings/systemSections';
import { fallbackIcon, MENU_META } from './menu';
import { NotificationBell } from './NotificationBell';

/** §2.1: navigation on the left, search / messages / "⋯" top right, gear and help bottom left. */
export function Shell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { signOut, refresh, can } = useMe();
  const navigate = useNavigate();
  const location = useLocation();

  const selected = me.menu.find((key) => {
    const path = MENU_META[key]?.path;
    return path && (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));
  });

  const switchLanguage = async () => {
    await patch('/api/v1/me/profile', { locale: me.locale === 'zh-CN' ? 'en-US' : 'zh-CN' });
    await refresh();
  };

  const gearItems = [
    { key: 'personal', label: t('shell.personalSettings'), onClick: () => navigate('/settings/personal') },
    // 系统设置 appears for whoever may open at least one of its sections.
    ...(systemSections.some((section) => can(section.permission))
      ? [{ key: 'system', label: t('shell.systemSettings'), onClick: () => navigate('/settings/system') }]
      : []),
    { key: 'language', label: t('shell.language'), icon: <TranslationOutlined />, onClick: () => void switchLanguage() },
    { type: 'divider' as const },
    { key: 'logout', label: t('auth.logout'), onClick: () => void signOut().then(() => navigate('/')) },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
          <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 24px', display: 'block' }}>
            {t('app.name')}
          </Link>
          <Menu
            theme="dark"
            mode="inline"
            data-testid="main-menu"
            selectedKeys={selected ? [selected] : []}
            style={{ flex: 1, overflowY: 'auto' }}
            items={me.menu.map((key) => ({
              key,
              icon: MENU_META[key]?.icon ?? fallbackIcon,
              label: <Link to={MENU_META[key]?.path ?? '/'}>{t(`menu.${key}`)}</Link>,
            }))}
          />
          <div style={{ padding: 12, borderTop: '1px solid #ffffff22' }}>
            <Space size="middle">
              <Dropdown menu={{ items: gearItems }} placement="topLeft" trigger={['click']}>
                <a data-testid="gear" style={{ color: '#fff' }} aria-label={t('shell.systemSettings')}>
                  <SettingOutlined style={{ fontSize: 18 }} />
                </a>
              </Dropdown>
              <Link to="/help" style={{ color: '#fff' }} data-testid="help">
                <QuestionCircleOutlined /> {t('shell.help')}
              </Link>
              <Link to="/settings/menu" style={{ color: '#ffffffaa', fontSize: 12 }} data-testid="menu-manage">
                {t('menu.manage')}
              </Link>
            </Space>
          </div>
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16 }}>
          <Typography.Text type="secondary">{me.tenantName}</Typography.Text>
          <div style={{ flex: 1 }} />
          <GlobalSearch />
          <NotificationBell />
          <Dropdown
            trigger={['click']}
            menu={{ items: [
              { key: 'notifications', label: t('shell.notifications'), onClick: () => navigate('/notifications') },
              { key: 'task', label: t('menu.task'), onClick: () => navigate('/task') },
              { key: 'help', label: t('shell.help'), onClick: () => navigate('/help') },
            ] }}
          >
            <Tooltip title={t('shell.more')}>
              <EllipsisOutlined style={{ fontSize: 20, cursor: 'pointer' }} data-testid="more" />
            </Tooltip>
          </Dropdown>
          <Space>
            <Avatar src={me.avatarUrl ?? undefined}>{me.name.slice(-2)}</Avatar>
            <span data-testid="current-user">{me.name}</span>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
