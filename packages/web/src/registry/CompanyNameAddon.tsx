import { BankOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { App, Button, Space, Spin, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi, withinTime, type RegistryCompany, type SoftError, type Suggestion } from './api';
import { CompanyModal, DETAIL_WAIT_MS } from './CompanyModal';
import { sameName } from './names';
import { SuggestionList } from './SuggestionList';
import { useRegistryConfig } from './useRegistryConfig';

/** Wait for a pause in typing before asking. */
const DEBOUNCE_MS = 300;
/** The server answers within 1.5 s whatever the registry does; this only guards a stalled network. */
const SUGGEST_WAIT_MS = 3000;
/** Values that arrive this soon after the form opens are the record's (or a prefill), not typing. */
const SETTLE_MS = 250;

interface Props {
  value: unknown;
  setValues(values: Record<string, unknown>): void;
}

/**
 * 工商信息回填 under 客户名称 (§3.5.2): while a name is typed, registered companies are suggested;
 * choosing one sets the registered name and fills the fields the administrator chose (详细地址, 电话,
 * 网址 by default). The 工商信息 button shows the full registration with 回填. A slow or failing
 * registry only shows a quiet notice: the form is never held up.
 */
export function CompanyNameAddon({ value, setValues }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const config = useRegistryConfig();
  const text = typeof value === 'string' ? value.trim() : '';
  const openedAt = useRef(Date.now());
  const initial = useRef(text);
  if (Date.now() - openedAt.current < SETTLE_MS) initial.current = text;
  const latest = useRef(text);
  latest.current = text;
  const box = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<{ creditCode: string; name: string } | null>(null);
  const [result, setResult] = useState<{ q: string; items: Suggestion[]; error: SoftError | null } | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [filling, setFilling] = useState(false);
  const [modal, setModal] = useState(false);

  const on = !!config && config.provider !== 'off';
  const isChosen = !!chosen && sameName(chosen.name, text);
  const wanted = on && text !== initial.current && [...text.replace(/\s+/g, '')].length >= 2 && !isChosen;

  useEffect(() => {
    if (!wanted) return;
    const timer = setTimeout(() => {
      const asked = text;
      withinTime(registryApi.suggest(asked), SUGGEST_WAIT_MS).then(
        (r) => latest.current === asked && setResult({ q: asked, items: r.items, error: r.error }),
        (e: Error) => latest.current === asked && setResult({ q: asked, items: [], error: { code: 'unavailable', message: e.message === 'timeout' ? t('registry.slow') : e.message } }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, wanted]);

  // The list closes on a click elsewhere or Escape, and opens again as typing goes on.
  useEffect(() => {
    const close = () => setDismissed(latest.current);
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);

  if (!on) return null;
  const current = wanted && result?.q === text ? result : null;
  const listed = current && current.items.length > 0 && dismissed !== text;

  const fill = (company: Pick<RegistryCompany, 'creditCode' | 'name'>, values: Record<string, unknown>) => {
    setChosen({ creditCode: company.creditCode, name: company.name });
    setValues({ name: company.name, ...values });
  };

  const choose = (s: Suggestion) => {
    fill(s, {});
    setFilling(true);
    withinTime(registryApi.company(s.creditCode), DETAIL_WAIT_MS)
      .then((r) => {
        setValues(r.fill);
        void message.success(t('registry.filled'));
      }, (e: Error) => void message.warning(e.message === 'timeout' ? t('registry.slow') : e.message))
      .finally(() => setFilling(false));
  };

  return (
    <div ref={box} style={{ position: 'relative' }} data-testid="registry-addon">
      <Space size={8} wrap>
        <Button size="small" icon={<BankOutlined />} disabled={!text} onClick={() => setModal(true)} data-testid="registry-open">{t('registry.title')}</Button>
        {filling && <Spin size="small" />}
        {current?.error && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="registry-soft-error">
            <InfoCircleOutlined /> {current.error.message}
          </Typography.Text>
        )}
      </Space>
      {listed && (
        <SuggestionPanel items={current.items} onChoose={choose} background={token.colorBgElevated} shadow={token.boxShadowSecondary} />
      )}
      <CompanyModal
        open={modal} keyword={text} creditCode={isChosen ? chosen.creditCode : undefined} onClose={() => setModal(false)}
        onFill={(company, values) => {
          fill(company, values);
          setModal(false);
          void message.success(t('registry.filled'));
        }}
      />
    </div>
  );
}


/** The suggestions as a drop-down right under the name input, over the fields below. */
function SuggestionPanel({ items, onChoose, background, shadow }: { items: Suggestion[]; onChoose: (s: Suggestion) => void; background: string; shadow: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 1100, background, boxShadow: shadow, borderRadius: 8, maxHeight: 340, overflowY: 'auto' }}>
      <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>{t('registry.suggestTitle')}</Typography.Text>
      <SuggestionList items={items} onChoose={onChoose} />
    </div>
  );
}
