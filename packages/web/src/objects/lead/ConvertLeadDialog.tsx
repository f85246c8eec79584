import { Alert, App, Button, Checkbox, Divider, Form, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { RecordData } from '../../records/extensions';
import { LookupSelect } from '../../records/form/LookupSelect';
import { recordPath } from '../../records/paths';
import { useObjectMeta } from '../../records/useObjectMeta';
import { leadConvertApi, type ConvertInput, type ConvertPreview, type ConvertResult, type ConvertSection } from './api';
import { ConvertResultView } from './ConvertResultView';
import { ConvertSectionFields, sectionFields } from './ConvertSectionFields';

interface Props {
  open: boolean;
  lead: RecordData;
  onClose(): void;
  /** The lead changed (converted): the page reloads it while the dialog shows the new records. */
  onConverted(): void;
}

type Values = Record<string, unknown>;
const blank = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
/** Emptied inputs are sent as null, so a suggestion the user cleared stays cleared. */
const sendable = (values: Values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, blank(v) ? null : v]));

/** The server's refusals: [{ section, field, reason }] in the error's details. */
function sectionProblems(error: unknown): { section: ConvertSection; field: string; reason: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as Record<string, unknown>[]).filter((d) => typeof d.section === 'string' && typeof d.field === 'string') as never;
}

/**
 * 转换销售线索 (§3.3.7): 客户信息 (prefilled from the lead; 合并已有客户; "客户已存在，系统将自动合并"
 * when one is named exactly as the company), 联系人信息 (always created), 销售机会信息 (when ticked).
 */
export function ConvertLeadDialog({ open, lead, onClose, onConverted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const account = useObjectMeta('account').meta;
  const contact = useObjectMeta('contact').meta;
  const opportunity = useObjectMeta('opportunity').meta;
  const [preview, setPreview] = useState<ConvertPreview | null>(null);
  const [merging, setMerging] = useState(false);
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [mergeName, setMergeName] = useState('');
  const [withOpportunity, setWithOpportunity] = useState(false);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<ConvertResult | null>(null);
  const [accountForm] = Form.useForm<Values>();
  const [contactForm] = Form.useForm<Values>();
  const [opportunityForm] = Form.useForm<Values>();
  const forms = { account: accountForm, contact: contactForm, opportunity: opportunityForm };
  const typedName = Form.useWatch('name', accountForm) as string | undefined;

  useEffect(() => {
    if (!open) return;
    setPreview(null);
    setMerging(false);
    setMergeInto(null);
    setWithOpportunity(false);
    setResult(null);
    leadConvertApi.preview(lead.id).then(setPreview, (e: Error) => {
      void message.error(e.message);
      onClose();
    });
  }, [open, lead.id]);

  const existing = preview?.existingAccount ?? null;
  const autoMerge = !merging && !!existing && (typedName ?? preview?.account.values.name) === existing.name;

  const submit = async () => {
    const checks = [contactForm.validateFields(), ...(withOpportunity ? [opportunityForm.validateFields()] : [])];
    // Merging makes no account: its inputs do not apply then.
    if (!merging && !autoMerge) checks.push(accountForm.validateFields());
    if (merging && !mergeInto) {
      void message.error(t('leadConvert.mergePick'));
      return;
    }
    try {
      await Promise.all(checks);
    } catch {
      return;
    }
    const input: ConvertInput = {
      account: merging && mergeInto ? { mergeInto } : { values: sendable(accountForm.getFieldsValue()) },
      contact: { values: sendable(contactForm.getFieldsValue()) },
      ...(withOpportunity ? { opportunity: { values: sendable(opportunityForm.getFieldsValue()) } } : {}),
    };
    setSaving(true);
    try {
      setResult(await leadConvertApi.convert(lead.id, input));
      onConverted();
    } catch (error) {
      for (const [section, form] of Object.entries(forms)) {
        const mine = sectionProblems(error).filter((p) => p.section === section);
        form.setFields(mine.map((p) => ({ name: p.field, errors: [t([`leadConvert.reason.${p.reason}`, `records.reason.${p.reason}`], { defaultValue: p.reason })] })));
      }
      void message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const ready = preview && account && contact && opportunity;
  const section = (key: ConvertSection, extra?: React.ReactNode) => (
    <Divider titlePlacement="start" plain style={{ marginTop: key === 'account' ? 0 : 8 }}>
      <Space><Typography.Text strong>{t(`leadConvert.section.${key}`)}</Typography.Text>{extra}</Space>
    </Divider>
  );

  return (
    <Modal
      open={open} title={t('leadConvert.title')} width={820} onCancel={onClose} destroyOnHidden
      footer={result
        ? [<Button key="done" type="primary" onClick={onClose} data-testid="convert-done">{t('leadConvert.close')}</Button>]
        : [
          <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
          <Button key="ok" type="primary" loading={saving} disabled={!ready} onClick={() => void submit()} data-testid="convert-submit">{t('leadConvert.submit')}</Button>,
        ]}
    >
      {result && <ConvertResultView result={result} />}
      {!result && !ready && <div style={{ textAlign: 'center', padding: 32 }}><Spin /></div>}
      {!result && ready && (
        <div data-testid="convert-dialog">
          {section('account', (
            <Button type="link" size="small" onClick={() => { setMerging(!merging); setMergeInto(null); }} data-testid="convert-merge-toggle">
              {t(merging ? 'leadConvert.mergeCancel' : 'leadConvert.mergeExisting')}
            </Button>
          ))}
          <div data-testid="convert-account">
            {merging ? (
              <Form layout="vertical">
                <Form.Item label={t('leadConvert.mergePick')} required extra={mergeInto ? t('leadConvert.mergeInto', { name: mergeName }) : undefined}>
                  <LookupSelect
                    object="account" value={mergeInto} onChange={(v) => setMergeInto(typeof v === 'string' ? v : null)}
                    onPicked={(labels) => setMergeName(Object.values(labels)[0] ?? '')} data-testid="convert-merge-account"
                  />
                </Form.Item>
              </Form>
            ) : (
              <Form form={accountForm} layout="vertical" initialValues={preview.account.values} requiredMark>
                {autoMerge && existing && (
                  <Alert
                    type="info" showIcon style={{ marginBottom: 12 }} data-testid="convert-auto-merge"
                    title={t('leadConvert.autoMerge')}
                    description={(
                      <Link to={recordPath('account', existing.id)} target="_blank">
                        {t('leadConvert.autoMergeDetail', {
                          name: existing.name,
                          owner: existing.ownerName ? t('leadConvert.autoMergeOwner', { name: existing.ownerName }) : '',
                          opportunity: withOpportunity ? t('leadConvert.autoMergeOpportunity') : '',
                        })}
                      </Link>
                    )}
                  />
                )}
                <ConvertSectionFields
                  meta={account} form={accountForm} display={preview.account.display}
                  fields={sectionFields(account).filter((f) => !autoMerge || f.key === account.nameField)}
                />
              </Form>
            )}
          </div>

          {section('contact', <Typography.Text type="secondary">{t('leadConvert.contactHint')}</Typography.Text>)}
          <Form form={contactForm} layout="vertical" initialValues={preview.contact.values} requiredMark data-testid="convert-contact">
            <ConvertSectionFields meta={contact} form={contactForm} display={preview.contact.display} fields={sectionFields(contact, ['accountId'])} />
          </Form>

          {section('opportunity')}
          <Checkbox checked={withOpportunity} onChange={(e) => setWithOpportunity(e.target.checked)} style={{ marginBottom: 12 }} data-testid="convert-with-opportunity">
            {t('leadConvert.createOpportunity')}
          </Checkbox>
          <Form form={opportunityForm} layout="vertical" initialValues={preview.opportunity.values} requiredMark data-testid="convert-opportunity">
            {withOpportunity && (
              <ConvertSectionFields meta={opportunity} form={opportunityForm} display={preview.opportunity.display} fields={sectionFields(opportunity, ['accountId'])} />
            )}
          </Form>
        </div>
      )}
    </Modal>
  );
}
