import { Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { RecordData } from '../../records/extensions';
import { LookupSelect } from '../../records/form/LookupSelect';
import { recordPath } from '../../records/paths';
import { linesApi, type Link, type LinkKind } from './api';
import { useRelatedState } from './useLines';

interface Props {
  kind: LinkKind;
  object: ObjectMeta;
  record: RecordData;
  refresh: () => void;
}

/** The library columns each kind shows beside the name (server objects/opportunity-lines/library-links.ts). */
const DETAILS: Record<LinkKind, string[]> = { partner: ['type', 'phone'], competitor: ['strengths', 'weaknesses'] };

/** 合作伙伴 / 竞争对手 on the opportunity page (§3.7.5): entries of the library, each with a note on this deal. */
export function LinksTab({ kind, record, refresh }: Props) {
  const { t } = useTranslation();
  const { state, busy, change } = useRelatedState(() => linesApi.links(record.id, kind), [record.id, kind], refresh);
  const [dialog, setDialog] = useState<{ mode: 'add' } | { mode: 'note'; link: Link } | null>(null);
  const [form] = Form.useForm<{ targetId?: string; note?: string }>();
  const canWrite = state?.canWrite ?? false;
  const k = (key: string) => `opportunityLines.${kind}.${key}`;

  const open = (next: NonNullable<typeof dialog>) => {
    form.resetFields();
    if (next.mode === 'note') form.setFieldsValue({ note: next.link.note ?? '' });
    setDialog(next);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const note = v.note?.trim() || null;
    const ok = dialog?.mode === 'note'
      ? await change(() => linesApi.changeLink(record.id, kind, dialog.link.id, note), t('common.saved'))
      : await change(() => linesApi.addLink(record.id, kind, v.targetId!, note), t('common.saved'));
    if (ok) setDialog(null);
  };

  const columns = [
    { key: 'name', title: t(k('tab')), render: (_: unknown, l: Link) => <RouterLink to={recordPath(kind, l.id)}>{l.name}</RouterLink> },
    ...DETAILS[kind].map((d) => ({ key: d, title: t(k(`detail.${d}`)), ellipsis: true, render: (_: unknown, l: Link) => l.details[d] ?? '' })),
    { key: 'note', title: t(k('note')), render: (_: unknown, l: Link) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{l.note ?? ''}</Typography.Text> },
    ...(canWrite ? [{
      key: 'actions', title: t('common.actions'), width: 96,
      render: (_: unknown, l: Link) => (
        <Space size={0}>
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('opportunityLines.link.editNote')} onClick={() => open({ mode: 'note', link: l })} data-testid={`${kind}-note`} />
          <Popconfirm title={t('opportunityLines.link.removeConfirm', { name: l.name })} onConfirm={() => change(() => linesApi.removeLink(record.id, kind, l.id), t('common.saved'))}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('opportunityLines.remove')} data-testid={`${kind}-remove`} />
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <div data-testid={`opportunity-${kind}s`}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Typography.Text strong>{t(k('tab'))}</Typography.Text>
        <Typography.Text type="secondary">({state?.items.length ?? 0})</Typography.Text>
        <div style={{ flex: 1 }} />
        {canWrite && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => open({ mode: 'add' })} data-testid={`${kind}-add`}>{t(k('add'))}</Button>}
      </div>
      <Table<Link>
        rowKey="id" size="small" loading={!state || busy} pagination={false} columns={columns} dataSource={state?.items ?? []}
        locale={{ emptyText: t(k('empty')) }} scroll={{ x: true }}
      />
      <Modal
        open={!!dialog} title={dialog?.mode === 'note' ? `${t('opportunityLines.link.editNote')}：${dialog.link.name}` : t(k('add'))}
        onCancel={() => setDialog(null)} onOk={() => void submit()} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden
        okButtonProps={{ 'data-testid': `${kind}-save` }}
      >
        <Form form={form} layout="vertical">
          {dialog?.mode === 'add' && (
            <Form.Item name="targetId" label={t('opportunityLines.link.pick')} rules={[{ required: true, message: t('common.required') }]}>
              <LookupSelect object={kind} data-testid={`${kind}-pick`} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t(k('note'))}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder={t(k('notePlaceholder'))} data-testid={`${kind}-note-input`} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
