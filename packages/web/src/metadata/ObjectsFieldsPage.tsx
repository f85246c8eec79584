import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/me';
import { metadataApi, type AdminField, type ObjectSummary } from './api';
import { FieldFormModal } from './FieldFormModal';
import { FieldsTable } from './FieldsTable';
import { labelIn } from './names';
import { OptionsModal } from './OptionsModal';

/**
 * 系统设置 → 对象与字段: pick an object, then see and change its fields. The object is part of the
 * address (/settings/system/objects/lead), so a reload or a shared link opens the same one.
 */
export function ObjectsFieldsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const object = useParams()['*']?.split('/')[0] || 'lead';
  const [objects, setObjects] = useState<ObjectSummary[]>([]);
  const [fields, setFields] = useState<AdminField[]>([]);
  const [loading, setLoading] = useState(true);
  const [showRetired, setShowRetired] = useState(true);
  const [editing, setEditing] = useState<'new' | AdminField | null>(null);
  const [editingOptions, setEditingOptions] = useState<AdminField | null>(null);

  const reload = useCallback(async (answered?: AdminField[]) => {
    setLoading(true);
    try {
      const [summaries, items] = await Promise.all([metadataApi.objects(), answered ? Promise.resolve(answered) : metadataApi.fields(object)]);
      setObjects(summaries);
      setFields(items);
    } finally {
      setLoading(false);
    }
  }, [object]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const current = objects.find((o) => o.key === object);
  const shown = showRetired ? fields : fields.filter((f) => !f.retired);

  return (
    <>
      <Card
        title={(
          <Space>
            <span>{t('metadata.objects.title')}</span>
            <Select
              data-testid="metadata-object" value={object} style={{ width: 200 }} showSearch={{ optionFilterProp: 'title' }}
              onChange={(key: string) => navigate(`/settings/system/objects/${key}`)}
              options={objects.map((o) => ({
                value: o.key,
                title: labelIn(o.label, me.locale),
                label: (
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <span>{labelIn(o.label, me.locale)}</span>
                    {o.customFields > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('metadata.objects.customCount', { count: o.customFields })}</Typography.Text>}
                  </Space>
                ),
              }))}
            />
          </Space>
        )}
        extra={(
          <Space>
            <Space size={4}>
              <Switch size="small" checked={showRetired} onChange={setShowRetired} data-testid="show-retired" />
              <Typography.Text type="secondary">{t('metadata.fields.showRetired')}</Typography.Text>
            </Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="field-add">{t('metadata.field.add')}</Button>
          </Space>
        )}
      >
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="metadata-object-title">
          {t('metadata.fields.title', { object: current ? labelIn(current.label, me.locale) : object })}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>{t('metadata.objects.fieldCount', { count: fields.length })}</Typography.Text>
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('metadata.objects.hint')} {t('metadata.fields.dragHint')}</Typography.Paragraph>
        <FieldsTable
          object={object} objects={objects} fields={shown} allKeys={fields.map((f) => f.key)} loading={loading}
          onEdit={setEditing} onEditOptions={setEditingOptions}
          onChanged={(answered) => void reload(answered)}
        />
      </Card>
      <FieldFormModal object={object} objects={objects} editing={editing} onClose={() => setEditing(null)} onSaved={() => void reload()} />
      <OptionsModal object={object} field={editingOptions} onClose={() => setEditingOptions(null)} onSaved={() => void reload()} />
    </>
  );
}
