import { Checkbox, Form } from 'antd';
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
  if (!shown.length) return null;
  // Untouched, the choice is the default (the transfer reads undefined the same way).
  const checked = Array.isArray(value) ? value as string[] : defaultRelated(shown);
  return (
    <Form.Item label={t('account.transfer.related')} extra={t('account.transfer.relatedHint')}>
      <Checkbox.Group
        data-testid="transfer-related"
        value={checked}
        onChange={(next) => onChange(next as string[])}
        options={shown.map((r) => ({
          value: r.object,
          label: <span data-testid={`transfer-related-${r.object}`}>{textOf(r.label, locale)}{r.disabled ? t('account.transfer.disabled') : ''}</span>,
        }))}
      />
    </Form.Item>
  );
}
