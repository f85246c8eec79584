import { Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecordData } from '../../records/extensions';
import { recordPath } from '../../records/paths';
import { AddContactModal } from './AddContactModal';
import { CONTACT_ROLES, linesApi, type ContactRole, type OpportunityContact } from './api';
import { useRelatedState } from './useLines';

interface Props {
  object: ObjectMeta;
  record: RecordData;
  refresh: () => void;
}

const ROLE_COLOURS: Record<ContactRole, string> = { 决策者: 'red', 技术把关者: 'blue', 商务把关者: 'purple', 影响者: 'orange', 使用者: 'green', 其他: 'default' };

/** 联系人 on the opportunity page (§3.7.5): the account's contacts that matter here, each with a role, as the decision chain. */
export function ContactRolesTab({ record, refresh }: Props) {
  const { t } = useTranslation();
  const { state, busy, change } = useRelatedState(() => linesApi.contacts(record.id), [record.id, record.version], refresh);
  const [adding, setAdding] = useState(false);
  const canWrite = state?.canWrite ?? false;
  const items = state?.items ?? [];
  const roleLabel = (role: string) => t(`opportunityLines.role.${role}`, { defaultValue: role });
  const chain = CONTACT_ROLES.map((role) => ({ role, people: items.filter((c) => c.role === role) })).filter((g) => g.people.length > 0);

  const columns = [
    {
      key: 'role', title: t('opportunityLines.contacts.role'), width: 150,
      render: (_: unknown, c: OpportunityContact) => (canWrite ? (
        <Select
          size="small" value={c.role} style={{ width: 130 }} data-testid="contact-role" aria-label={t('opportunityLines.contacts.role')}
          options={CONTACT_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          onChange={(role: ContactRole) => void change(() => linesApi.changeContact(record.id, c.contactId, { role }), t('common.saved'))}
        />
      ) : <Tag color={ROLE_COLOURS[c.role]}>{roleLabel(c.role)}</Tag>),
    },
    { key: 'name', title: t('opportunityLines.col.name'), render: (_: unknown, c: OpportunityContact) => <Link to={recordPath('contact', c.contactId)}>{c.name}</Link> },
    { key: 'title', title: t('opportunityLines.col.title'), render: (_: unknown, c: OpportunityContact) => c.title ?? '' },
    { key: 'dept', title: t('opportunityLines.col.dept'), render: (_: unknown, c: OpportunityContact) => c.dept ?? '' },
    { key: 'mobile', title: t('opportunityLines.col.mobile'), render: (_: unknown, c: OpportunityContact) => c.mobile ?? c.phone ?? '' },
    { key: 'email', title: t('opportunityLines.col.email'), render: (_: unknown, c: OpportunityContact) => c.email ?? '' },
    { key: 'remark', title: t('opportunityLines.col.remark'), render: (_: unknown, c: OpportunityContact) => c.remark ?? '' },
    ...(canWrite ? [{
      key: 'actions', title: t('common.actions'), width: 64,
      render: (_: unknown, c: OpportunityContact) => (
        <Popconfirm
          title={t('opportunityLines.contacts.removeConfirm', { name: c.name })}
          onConfirm={() => change(() => linesApi.removeContact(record.id, c.contactId), t('opportunityLines.contacts.removed'))}
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('opportunityLines.remove')} data-testid="contact-remove" />
        </Popconfirm>
      ),
    }] : []),
  ];

  return (
    <div data-testid="opportunity-contacts">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Typography.Text strong>{t('opportunityLines.contacts.chain')}</Typography.Text>
        {state && state.hidden > 0 && <Typography.Text type="secondary">{t('opportunityLines.contacts.hidden', { count: state.hidden })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        {canWrite && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="contacts-add">{t('opportunityLines.contacts.add')}</Button>}
      </div>
      {chain.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="decision-chain" separator={<RightOutlined style={{ color: '#bbb' }} />}>
          {chain.map((g) => (
            <Card key={g.role} size="small" styles={{ body: { padding: '6px 12px' } }}>
              <Tag color={ROLE_COLOURS[g.role]}>{roleLabel(g.role)}</Tag>
              {g.people.map((c) => c.name).join('、')}
            </Card>
          ))}
        </Space>
      )}
      <Table<OpportunityContact>
        rowKey="contactId" size="small" loading={!state || busy} pagination={false} columns={columns} dataSource={items}
        locale={{ emptyText: t('opportunityLines.contacts.empty') }} scroll={{ x: true }}
      />
      <AddContactModal
        open={adding} record={record} linked={items.map((c) => c.contactId)} onClose={() => setAdding(false)}
        onAdd={async (contactId, role) => {
          if (await change(() => linesApi.addContact(record.id, contactId, role), t('opportunityLines.contacts.added'))) setAdding(false);
        }}
        onCreate={async (values, role) => {
          const next = await linesApi.createContact(record.id, values, role);
          await change(async () => next, t('opportunityLines.contacts.added'));
          setAdding(false);
        }}
      />
    </div>
  );
}
