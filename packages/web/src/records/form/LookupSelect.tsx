import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../api';
import { recordName } from '../fields';
import { useObjectMeta } from '../useObjectMeta';

type Value = string | string[] | null;

interface Props {
  /** The object the lookup points to (its records are searched by name). */
  object: string;
  value?: Value;
  onChange?: (value: Value) => void;
  multiple?: boolean;
  /** Names of the current value(s), so they show before any search. */
  initialLabels?: Record<string, string>;
  /** Tells the caller the names of what was picked (filter tags show them). */
  onPicked?: (labels: Record<string, string>) => void;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Chooses records of another object, searching its list (only what the user may see) by name as they type. */
export function LookupSelect({ object, value, onChange, multiple, initialLabels, onPicked, placeholder, disabled, ...rest }: Props) {
  const { t } = useTranslation();
  const { meta } = useObjectMeta(object);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const labels = useRef<Record<string, string>>({ ...initialLabels });
  const latest = useRef(0);

  const search = async (keyword: string) => {
    if (!meta) return;
    const call = ++latest.current;
    setLoading(true);
    try {
      const page = await recordsApi.list(object, {
        filter: keyword.trim() ? { field: meta.nameField, op: 'contains', value: keyword.trim() } : undefined,
        view: 'all', page: 1, pageSize: 20,
      });
      if (call !== latest.current) return;
      const found = page.items.map((r) => ({ value: r.id, label: recordName(meta, r) }));
      for (const o of found) labels.current[o.value] = o.label;
      setOptions(found);
    } catch {
      if (call === latest.current) setOptions([]);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  };
  useEffect(() => {
    void search('');
    // Searching again only when the target's metadata arrives; typing searches on its own.
  }, [meta?.key]);

  const selected = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const choices = [...options];
  for (const id of selected) if (!choices.some((c) => c.value === id)) choices.unshift({ value: id, label: labels.current[id] ?? initialLabels?.[id] ?? id.slice(0, 8) });

  const change = (next: string | string[] | undefined) => {
    const picked = next === undefined ? [] : Array.isArray(next) ? next : [next];
    onPicked?.(Object.fromEntries(picked.map((id) => [id, labels.current[id] ?? id])));
    onChange?.(multiple ? picked : (next as string | undefined) ?? null);
  };

  return (
    <Select
      data-testid={rest['data-testid']}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: (keyword) => void search(keyword) }}
      allowClear
      disabled={disabled}
      value={multiple ? selected : (selected[0] ?? undefined)}
      onChange={change}
      options={choices}
      notFoundContent={loading ? <Spin size="small" /> : t('common.empty')}
      placeholder={placeholder ?? t('records.form.searchLookup')}
      style={{ width: '100%' }}
    />
  );
}
