import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi } from '../../org/api';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Tells the caller the names picked (for filter tags). */
  onPicked?: (labels: Record<string, string>) => void;
  initialLabels?: Record<string, string>;
  'data-testid'?: string;
}

/** Several colleagues at once (owner filters); org/UserPicker picks one. */
export function UserMultiSelect({ value, onChange, onPicked, initialLabels, ...rest }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const names = useRef<Record<string, string>>({ ...initialLabels });
  const latest = useRef(0);

  const search = async (keyword: string) => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const users = await orgApi.pickUsers(keyword);
      if (call !== latest.current) return;
      for (const u of users) names.current[u.id] = u.name;
      setOptions(users.map((u) => ({ value: u.id, label: `${u.name}（${u.departmentName}）` })));
    } finally {
      if (call === latest.current) setLoading(false);
    }
  };
  useEffect(() => {
    void search('');
  }, []);

  const choices = [...options];
  for (const id of value ?? []) if (!choices.some((c) => c.value === id)) choices.unshift({ value: id, label: names.current[id] ?? id.slice(0, 8) });

  return (
    <Select
      data-testid={rest['data-testid']}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: (keyword) => void search(keyword) }}
      allowClear
      value={value ?? []}
      onChange={(next: string[]) => {
        onPicked?.(Object.fromEntries(next.map((id) => [id, names.current[id] ?? id])));
        onChange?.(next);
      }}
      options={choices}
      notFoundContent={loading ? <Spin size="small" /> : t('common.empty')}
      placeholder={t('records.filter.pickUsers')}
      style={{ width: '100%' }}
    />
  );
}
