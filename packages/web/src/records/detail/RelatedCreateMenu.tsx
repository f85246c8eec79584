import { Button, Dropdown } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DetailAction, RecordData } from '../extensions';
import { recordName, textOf, useLocale } from '../fields';
import { RecordForm } from '../form/RecordForm';
import { useAllObjects } from '../useObjectMeta';
import { announceRelatedCreated, relationsOf, relationTabKey, type Relation } from './relations';

/**
 * 新建 ▾ on a record's page (§3.6.2: 客户 → 新建 → 联系人): a record of a related object, linked to
 * this one. Afterwards the page shows the related list it joined.
 */
export function RelatedCreateMenu({ object, record }: { object: ObjectMeta; record: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const objects = useAllObjects();
  const [, setSearch] = useSearchParams();
  const [creating, setCreating] = useState<Relation | null>(null);
  const relations = relationsOf(object.key, objects ?? []).filter((r) => !r.field.readOnly);
  if (!relations.length) return null;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: relations.map((r) => ({
            key: relationTabKey(r),
            label: <span data-testid={`detail-create-${r.object.key}`}>{textOf(r.object.label, locale)}</span>,
          })),
          onClick: ({ key }) => setCreating(relations.find((r) => relationTabKey(r) === key) ?? null),
        }}
      >
        <Button icon={<PlusOutlined />} data-testid="detail-create">{t('common.create')} <DownOutlined /></Button>
      </Dropdown>
      {creating && (
        <RecordForm
          meta={creating.object} open prefill={{ [creating.field.key]: record.id }} prefillDisplay={{ [creating.field.key]: recordName(object, record) }}
          onClose={() => setCreating(null)}
          onSaved={() => {
            const tab = relationTabKey(creating);
            setCreating(null);
            announceRelatedCreated(creating.object.key);
            setSearch((s) => { s.set('tab', tab); return s; }, { replace: true });
          }}
        />
      )}
    </>
  );
}

/** The objects whose pages offer 新建 ▾ (those other objects link to). */
export const relatedCreateActions: DetailAction[] = [{
  key: 'related-create', objects: ['account', 'opportunity', 'contract', 'campaign'], order: 90,
  render: ({ object, record }) => <RelatedCreateMenu object={object} record={record} />,
}];
