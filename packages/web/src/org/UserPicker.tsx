import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from './useUserSearch';

interface Props {
  /** Set by Form.Item, so its label points at this control. */
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the current value, so it shows before any search. */
  initialLabel?: string | null;
  excludeId?: string;
  placeholder?: string;
  'data-testid'?: string;
}

/** Picks an active user by name or login (for department heads and superiors), searching as the user types. */
export function UserPicker({ id, value, onChange, initialLabel, excludeId, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { options, loading, search } = useUserSearch();

  const choices = options.filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: `${u.name}（${u.departmentName}）` }));
  if (value && initialLabel && !choices.some((c) => c.value === value)) choices.unshift({ value, label: initialLabel });

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch={{ filterOption: false, onSearch: (keyword) => void search(keyword) }}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={choices}
      notFoundContent={loading ? <Spin size="small" /> : t('common.empty')}
      placeholder={placeholder ?? t('org.user.pick')}
      style={{ width: '100%' }}
    />
  );
}
