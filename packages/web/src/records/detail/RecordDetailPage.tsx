import { Alert, App, Button, Card, Result, Tabs } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { recordsApi } from '../api';
import { detailBanners, detailTabs, type RecordData } from '../extensions';
import { recordName, textOf, useLocale } from '../fields';
import { RecordForm } from '../form/RecordForm';
import { listPath } from '../paths';
import { useAllObjects, useObjectMeta } from '../useObjectMeta';
import { DetailHeader } from './DetailHeader';
import { FieldsTab } from './FieldsTab';
import { relationsOf } from './relations';
import { RelatedList } from './RelatedList';
import { TeamTab } from './TeamTab';
import { TransferModal } from './TransferModal';
import { useRecord } from './useRecord';

/** The detail page of any record (§3.3.7, §3.5.6), at /<object>/<id>. */
export function RecordDetailPage({ object }: { object: string }) {
  const { id = '' } = useParams();
  const { meta, error } = useObjectMeta(object);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!meta || meta.key !== object) return <Card loading />;
  return <DetailScreen key={`${object}:${id}`} meta={meta} id={id} />;
}

/** Order of the built-in tabs among those features register (extensions.tsx: 资料 20, related lists 40; 团队成员 before 文档). */
const ORDER = { fields: 20, related: 40, team: 45 };

function DetailScreen({ meta, id }: { meta: ObjectMeta; id: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const objects = useAllObjects();
  const { record, setRecord, missing, error, refresh } = useRecord(meta.key, id);
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);

  if (missing) {
    return (
      <Result
        status="404" title={t('records.detail.missing')} subTitle={t('records.detail.missingHint')}
        extra={<Link to={listPath(meta.key)}><Button type="primary">{t('records.detail.backToList', { object: textOf(meta.label, locale) })}</Button></Link>}
      />
    );
  }
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!record) return <Card loading />;

  const confirmDelete = () => modal.confirm({
    title: t('records.detail.deleteConfirm', { name: recordName(meta, record) }),
    content: t('records.detail.deleteHint'),
    okText: t('common.delete'),
    okButtonProps: { danger: true, ...{ 'data-testid': 'delete-ok' } },
    onOk: async () => {
      try {
        await recordsApi.remove(meta.key, record.id);
        void message.success(t('records.detail.deleted'));
        navigate(listPath(meta.key));
      } catch (e) {
        void message.error((e as Error).message);
      }
    },
  });

  const relations = relationsOf(meta.key, objects ?? []);
  const tabs = [
    { key: 'fields', order: ORDER.fields, label: t('records.detail.fieldsTab'), children: <FieldsTab meta={meta} record={record} onSaved={setRecord} onReload={refresh} /> },
    ...relations.map((r, i) => ({
      key: `related-${r.object.key}-${r.field.key}`,
      order: ORDER.related + i / 100,
      label: relations.filter((x) => x.object.key === r.object.key).length > 1 ? `${textOf(r.object.label, locale)}（${textOf(r.field.label, locale)}）` : textOf(r.object.label, locale),
      children: <RelatedList parent={meta} record={record} relation={r} />,
    })),
    ...(meta.owned ? [{ key: 'team', order: ORDER.team, label: t('records.detail.teamTab'), children: <TeamTab meta={meta} record={record} /> }] : []),
    ...detailTabs
      .filter((tab) => (tab.objects ? tab.objects.includes(meta.key) : meta.owned))
      .map((tab) => ({ key: tab.key, order: tab.order, label: t(tab.labelKey), children: tab.render({ object: meta, record, refresh: () => void refresh() }) })),
  ].sort((a, b) => a.order - b.order);

  const active = tabs.some((tab) => tab.key === search.get('tab')) ? search.get('tab')! : tabs[0]!.key;

  return (
    <div data-testid="record-detail">
      <DetailHeader
        meta={meta} record={record} onChanged={setRecord} onReload={refresh}
        onEdit={() => setDialog('edit')} onTransfer={() => setDialog('transfer')} onDelete={confirmDelete}
      />
      {detailBanners.filter((b) => b.objects.includes(meta.key))
        .map((b) => <Fragment key={b.key}>{b.render({ object: meta, record, onChanged: () => void refresh() })}</Fragment>)}
      <Card style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearch((s) => { s.set('tab', key); return s; }, { replace: true })}
          items={tabs.map(({ key, label, children }) => ({ key, label: <span data-testid={`detail-tab-${key}`}>{label}</span>, children }))}
        />
      </Card>
      <RecordForm
        meta={meta} open={dialog === 'edit'} record={record} onClose={() => setDialog(null)}
        onSaved={(saved: RecordData) => { setRecord(saved); setDialog(null); }}
      />
      <TransferModal
        open={dialog === 'transfer'} meta={meta} record={record} onClose={() => setDialog(null)}
        onTransferred={(moved) => { setRecord(moved); setDialog(null); }}
      />
    </div>
  );
}
