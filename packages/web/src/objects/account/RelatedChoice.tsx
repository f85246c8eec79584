import { Checkbox, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, useLocale } from '../../records/fields';
import { defaultRelated, useTransferRelations } from './relations';

interface Props {
  /** The list's dialog also shows disabled relations; the detail page's does not (§3.5.8). */
  batch: boolean;
  value: unknown;
  onChange(value: string[]): void;
}

/** 转移客户: which related records follow the account (可以选择是否要转移此客户关联的相关业务). */
export function RelatedChoice({ batch, value, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const relations = useTransferRelations();
  const shown = relations?.filter((r) => batch || !r.disabled) ?? [];
  useEffect(() => {
    if (relations && value === undefined) onChange(defaultRelated(relations));
  }, [relations, value, onChange]);
  if (!shown.length) return null;
  return (
    <Form.Item label={t('account.transfer.related')} extra={t('account.transfer.relatedHint')}>
      <Checkbox.Group
        data-testid="transfer-related"
        value={Array.isArray(value) ? value as string[] : []}
        onChange={(checked) => onChange(checked as string[])}
        options={shown.map((r) => ({
          value: r.object,
          label: <span data-testid={`transfer-related-${r.object}`}>{textOf(r.label, locale)}{r.disabled ? t('account.transfer.disabled') : ''}</span>,
        }))}
      />
    </Form.Item>
  );
}
