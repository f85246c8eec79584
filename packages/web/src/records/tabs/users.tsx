import { Select, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tabsApi, type PickedUser } from './api';

/** Active colleagues matching what is typed, newest answer wins (for @mentions and assignees). */
export function useUserSearch() {
  const [users, setUsers] = useState<PickedUser[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const search = useCallback(async (keyword: string) => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const items = await tabsApi.pickUsers(keyword);
      if (call === latest.current) setUsers(items);
    } catch {
      if (call === latest.current) setUsers([]);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, []);
  return { users, loading, search };
}

interface UserSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Shown for the current value before any search (e.g. "我自己"). */
  currentLabel?: { id: string; label: string };
  'data-testid'?: string;
}

/** Picks an active colleague by name or login. */
export function UserSelect({ id, value, onChange, currentLabel, ...rest }: UserSelectProps) {
  const { t } = useTranslation();
  const { users, loading, search } = useUserSearch();
  useEffect(() => {
    void search('');
  }, [search]);
  const options = users.map((u) => ({ value: u.id, label: `${u.name}（${u.departmentName}）` }));
  if (currentLabel && !options.some((o) => o.value === currentLabel.id)) options.unshift({ value: currentLabel.id, label: currentLabel.label });
  return (
    <Select
      id={id} data-testid={rest['data-testid']} value={value} onChange={(next: string | undefined) => onChange?.(next)} options={options}
      showSearch={{ filterOption: false, onSearch: (keyword) => void search(keyword) }}
      notFoundContent={loading ? <Spin size="small" /> : t('common.empty')} style={{ width: '100%' }}
    />
  );
}
