import { Button, Space, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { dedupeApi, type DuplicateResult } from './api';
import { DuplicateList } from './DuplicateList';
import { HiddenNotice } from './HiddenNotice';
import { useRules } from './useRules';

/**
 * "查重" under a field of a create or edit form (§3.5.2: 输入客户名称后，点击查重): lists the records
 * that may duplicate what was typed. Shown only under fields the company's rules compare.
 */
export function DedupeCheck({ object, field, value, recordId }: { object: ObjectMeta; field: string; value: unknown; recordId?: string }) {
  const { t } = useTranslation();
  const { locale } = useCurrentUser();
  const rules = useRules(object.key);
  const [checked, setChecked] = useState<{ value: string; result: DuplicateResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const text = typeof value === 'string' ? value.trim() : '';
  if (!rules?.enabled || !rules.fields.some((f) => f.field === field)) return null;

  const check = async () => {
    setBusy(true);
    try {
      setChecked({ value: text, result: await dedupeApi.check(object.key, { [field]: text }, recordId) });
    } finally {
      setBusy(false);
    }
  };
  // A result belongs to the text it was asked for; typing on hides it until the next check.
  const result = checked && checked.value === text ? checked.result : null;

  return (
    <div data-testid={`dedupe-check-${field}`}>
      <Space size={8}>
        <Button size="small" icon={<SearchOutlined />} loading={busy} disabled={!text} onClick={() => void check()} data-testid="dedupe-check">
          {t('dedupe.check')}
        </Button>
        {result && (
          <Typography.Text type={result.items.length ? 'warning' : 'secondary'} data-testid="dedupe-summary">
            {result.items.length ? t('dedupe.found', { count: result.items.length }) : t('dedupe.none')}
          </Typography.Text>
        )}
      </Space>
      {result && result.items.length > 0 && <div style={{ marginTop: 8 }}><DuplicateList object={object} result={result} locale={locale} /></div>}
      {result && <HiddenNotice result={result} locale={locale} />}
    </div>
  );
}
