import { App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../org/UserPicker';
import { recordsApi } from '../api';
import { batchActions, transferAddons, type RecordData, type TransferResult } from '../extensions';
import { isEditable, liveFields, recordName, textOf, useLocale } from '../fields';
import { FieldInput } from '../form/FieldInput';

interface Props {
  meta: ObjectMeta;
  selected: RecordData[];
  onClear(): void;
  /** Called after any batch action, to read the list again. */
  onDone(): void;
}

type Action = 'transfer' | 'update' | null;

/** "已选中 N 项" and what can be done to them at once (§3.3.7): 转移, 批量修改, 删除 — each record answering for itself. */
export function BatchActions({ meta, selected, onClear, onDone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const [action, setAction] = useState<Action>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [transferExtra, setTransferExtra] = useState<unknown>(undefined);
  const [fieldKey, setFieldKey] = useState<string | undefined>();
  const [value, setValue] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const ids = selected.map((r) => r.id);
  const updatable = liveFields(meta).filter(isEditable);
  const field = updatable.find((f) => f.key === fieldKey);
  const transferAddon = transferAddons.find((a) => a.objects.includes(meta.key));

  /** Tells how it went: a message when all succeeded, else a list of the records that failed and why. */
  const report = (results: TransferResult[], done: string) => {
    const failed = results.filter((r) => !r.ok);
    const ok = results.length - failed.length;
    const names = new Map(selected.map((r) => [r.id, recordName(meta, r)]));
    if (results.some((r) => r.note)) {
      // An addon said what else each record carried along (客户's related records): show it per record.
      modal.info({
        title: failed.length ? t('records.batch.partial', { ok, failed: failed.length }) : t(done, { count: ok }),
        width: 560,
        content: (
          <ul data-testid="batch-notes" style={{ paddingLeft: 18, marginTop: 8 }}>
            {results.map((r) => <li key={r.id}><b>{names.get(r.id) ?? r.id}</b>：{r.ok ? r.note : r.error?.message}</li>)}
          </ul>
        ),
      });
    } else if (!failed.length) {
      void message.success(t(done, { count: ok }));
    } else {
      modal.warning({
        title: t('records.batch.partial', { ok, failed: failed.length }),
        width: 520,
        content: (
          <ul data-testid="batch-failures" style={{ paddingLeft: 18, marginTop: 8 }}>
            {failed.map((r) => <li key={r.id}><b>{names.get(r.id) ?? r.id}</b>：{r.error?.message}</li>)}
          </ul>
        ),
      });
    }
    onDone();
  };

  const run = async (call: () => Promise<TransferResult[]>, done: string) => {
    setRunning(true);
    try {
      report(await call(), done);
      setAction(null);
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setRunning(false);
    }
  };

  const confirmDelete = () => modal.confirm({
    title: t('records.batch.deleteConfirm', { count: ids.length }),
    content: t('records.batch.deleteHint'),
    okText: t('common.delete'),
    okButtonProps: { danger: true },
    onOk: () => run(() => recordsApi.batchDelete(meta.key, ids), 'records.batch.deleted'),
  });

  return (
    <Space size="middle" data-testid="batch-actions">
      <Typography.Text strong data-testid="selected-count">{t('common.selected', { count: ids.length })}</Typography.Text>
      {meta.owned && <Button icon={<SwapOutlined />} onClick={() => { setTransferExtra(undefined); setAction('transfer'); }} data-testid="batch-transfer">{t('records.actions.transfer')}</Button>}
      {batchActions.filter((a) => a.objects.includes(meta.key)).map((a) => <Fragment key={a.key}>{a.render({ object: meta, selected, onDone })}</Fragment>)}
      <Button icon={<EditOutlined />} onClick={() => setAction('update')} data-testid="batch-update">{t('records.batch.update')}</Button>
      <Button icon={<DeleteOutlined />} danger onClick={confirmDelete} data-testid="batch-delete">{t('common.delete')}</Button>
      <Button type="link" onClick={onClear}>{t('records.batch.clear')}</Button>

      <Modal
        open={action === 'transfer'} title={t('records.batch.transferTitle', { count: ids.length })} onCancel={() => setAction(null)} destroyOnHidden
        okButtonProps={{ disabled: !ownerId, loading: running, ...{ 'data-testid': 'batch-transfer-ok' } }}
        onOk={() => ownerId && void run(
          () => (transferAddon ? transferAddon.transfer({ object: meta, ids, ownerId, value: transferExtra }) : recordsApi.batchTransfer(meta.key, ids, ownerId)),
          'records.batch.transferred',
        )}
      >
        <Form layout="vertical">
          <Form.Item label={t('records.transfer.to')} required>
            <UserPicker value={ownerId} onChange={setOwnerId} data-testid="batch-transfer-user" />
          </Form.Item>
          {transferAddon?.render({ object: meta, batch: true, value: transferExtra, onChange: setTransferExtra })}
        </Form>
      </Modal>

      <Modal
        open={action === 'update'} title={t('records.batch.updateTitle', { count: ids.length })} onCancel={() => setAction(null)} destroyOnHidden
        okButtonProps={{ disabled: !field, loading: running, ...{ 'data-testid': 'batch-update-ok' } }}
        onOk={() => field && void run(() => recordsApi.batchUpdate(meta.key, ids, { [field.key]: value === '' ? null : value }), 'records.batch.updated')}
      >
        <Form layout="vertical">
          <Form.Item label={t('records.batch.field')} required>
            <Select
              showSearch={{ optionFilterProp: 'label' }} value={fieldKey} data-testid="batch-update-field"
              onChange={(k: string) => { setFieldKey(k); setValue(null); }}
              options={updatable.map((f) => ({ value: f.key, label: textOf(f.label, locale) }))}
            />
          </Form.Item>
          {field && (
            <Form.Item label={t('records.batch.newValue')}>
              <FieldInput field={field} value={value} onChange={setValue} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
