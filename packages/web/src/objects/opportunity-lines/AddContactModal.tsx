import { Alert, Form, Modal, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../records/extensions';
import { RecordForm } from '../../records/form/RecordForm';
import { useRecordList } from '../../records/list/useRecordList';
import { useObjectMeta } from '../../records/useObjectMeta';
import { CONTACT_ROLES, type ContactRole } from './api';

interface Props {
  open: boolean;
  /** The opportunity. */
  record: RecordData;
  /** Contacts already on the opportunity (not offered again). */
  linked: string[];
  onClose(): void;
  onAdd(contactId: string, role: ContactRole): Promise<void>;
  /** Creates the contact on the account and links it; throws the server's refusal for the form to show. */
  onCreate(values: Record<string, unknown>, role: ContactRole): Promise<void>;
}

/**
 * 添加联系人 (§3.7.5): a contact of the opportunity's account, or a new one made here (on the
 * account, through the contact form), with its role in the decision chain.
 */
export function AddContactModal({ open, record, linked, onClose, onAdd, onCreate }: Props) {
  const { t } = useTranslation();
  const { meta: contactMeta } = useObjectMeta('contact');
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [creatingAs, setCreatingAs] = useState<ContactRole | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ role: ContactRole; contactId?: string }>();
  const accountId = String(record.accountId ?? '');
  const { page } = useRecordList('contact', open && accountId ? { filter: { field: 'accountId', op: 'eq', value: accountId }, view: 'all', sort: 'name', page: 1, pageSize: 200 } : null);
  const choices = (page?.items ?? []).filter((c) => !linked.includes(c.id));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setMode('existing');
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    if (mode === 'new') {
      setCreatingAs(v.role);
      return;
    }
    setSaving(true);
    try {
      await onAdd(v.contactId!, v.role);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Modal
        open={open && !creatingAs} title={t('opportunityLines.contacts.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving}
        okText={mode === 'new' ? t('opportunityLines.contacts.next') : t('common.save')} cancelText={t('common.cancel')} destroyOnHidden
        okButtonProps={{ 'data-testid': 'contact-add-ok' }}
      >
        <Segmented
          block value={mode} onChange={(v) => setMode(v as 'existing' | 'new')} style={{ marginBottom: 16 }} data-testid="contact-add-mode"
          options={[{ value: 'existing', label: t('opportunityLines.contacts.pickExisting') }, { value: 'new', label: t('opportunityLines.contacts.createNew') }]}
        />
        <Form form={form} layout="vertical">
          {mode === 'existing' ? (
            <>
              {page && choices.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('opportunityLines.contacts.noneLeft')} />}
              <Form.Item name="contactId" label={t('opportunityLines.contacts.contact')} rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  showSearch optionFilterProp="label" data-testid="contact-pick" placeholder={t('opportunityLines.contacts.pickExisting')}
                  options={choices.map((c) => ({ value: c.id, label: [c.name, c.title].filter(Boolean).join(' · ') }))}
                />
              </Form.Item>
            </>
          ) : <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('opportunityLines.contacts.createHint')} />}
          <Form.Item name="role" label={t('opportunityLines.contacts.role')} rules={[{ required: true, message: t('common.required') }]}>
            <Select data-testid="contact-role-pick" options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`opportunityLines.role.${r}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      {contactMeta && (
        <RecordForm
          meta={contactMeta} open={!!creatingAs} prefill={{ accountId }} prefillDisplay={{ accountId: record.display?.accountId ?? '' }}
          create={async (values) => {
            await onCreate(values, creatingAs!);
            return { id: '', version: 1 };
          }}
          onClose={() => setCreatingAs(null)}
          onSaved={() => setCreatingAs(null)}
        />
      )}
    </>
  );
}
