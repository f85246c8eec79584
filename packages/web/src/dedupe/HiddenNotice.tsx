import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateResult } from './api';

/** Matches the user may not see: only how many and on which field (撞单, §3.5.2), never whose. */
export function HiddenNotice({ result, locale }: { result: DuplicateResult; locale: string }) {
  const { t } = useTranslation();
  if (!result.hidden.count) return null;
  const label = (key: string) => {
    const field = result.fields.find((f) => f.key === key);
    return field ? (locale === 'en-US' ? field.label.en : field.label.zh) : key;
  };
  const fields = Object.entries(result.hidden.byField).map(([key, n]) => `${label(key)} ${n}`).join(locale === 'en-US' ? ', ' : '，');
  const count = result.hidden.capped ? t('dedupe.hiddenCapped') : result.hidden.count;
  return <Alert type="warning" showIcon data-testid="dedupe-hidden" style={{ marginTop: 8 }} title={t('dedupe.hidden', { count, fields })} />;
}
