import { Alert, Button, Empty, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi, withinTime, type RegistryCompany, type Suggestion } from './api';
import { CompanyDetails } from './CompanyDetails';
import { sameName } from './names';
import { SuggestionList } from './SuggestionList';

/** Opening a registration may wait for the registry a little longer than suggestions (server: 4 s). */
export const DETAIL_WAIT_MS = 6000;

interface Props {
  open: boolean;
  /** The company chosen from the suggestions, if one was. */
  creditCode?: string;
  /** What 客户名称 holds: its registration is looked up when no company was chosen. */
  keyword: string;
  onClose(): void;
  /** 回填: the company and the account values it fills under the company's rules. */
  onFill(company: RegistryCompany, fill: Record<string, unknown>): void;
}

type State =
  | { kind: 'loading' }
  | { kind: 'company'; company: RegistryCompany; fill: Record<string, unknown> }
  | { kind: 'choose'; items: Suggestion[] }
  | { kind: 'error'; message: string };

/**
 * 工商信息 beside 客户名称 (§3.5.2 "点击工商信息，以查看更详细信息。此时点击回填按钮……自动回填"):
 * the registration of the chosen or typed company, with 回填; close names to choose from otherwise.
 */
export function CompanyModal({ open, creditCode, keyword, onClose, onFill }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = (code: string) => {
    setState({ kind: 'loading' });
    withinTime(registryApi.company(code), DETAIL_WAIT_MS).then(
      (r) => setState({ kind: 'company', ...r }),
      (e: Error) => setState({ kind: 'error', message: e.message === 'timeout' ? t('registry.slow') : e.message }),
    );
  };

  useEffect(() => {
    if (!open) return;
    if (creditCode) {
      load(creditCode);
      return;
    }
    setState({ kind: 'loading' });
    withinTime(registryApi.suggest(keyword), DETAIL_WAIT_MS).then((r) => {
      if (r.error) return setState({ kind: 'error', message: r.error.message });
      const exact = r.items.find((s) => sameName(s.name, keyword));
      if (exact) load(exact.creditCode);
      else setState({ kind: 'choose', items: r.items });
    }, (e: Error) => setState({ kind: 'error', message: e.message === 'timeout' ? t('registry.slow') : e.message }));
    // Looked up each time the dialog opens.
  }, [open]);

  return (
    <Modal
      open={open} onCancel={onClose} width={760} title={t('registry.title')} destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{t('registry.close')}</Button>,
        state.kind === 'company' && (
          <Button key="fill" type="primary" data-testid="registry-fill" onClick={() => onFill(state.company, state.fill)}>{t('registry.fill')}</Button>
        ),
      ]}
    >
      <div data-testid="registry-modal">
        {state.kind === 'loading' && <div style={{ textAlign: 'center', padding: 24 }}><Spin /></div>}
        {state.kind === 'error' && <Alert type="warning" showIcon title={state.message} data-testid="registry-soft-error" />}
        {state.kind === 'company' && <CompanyDetails company={state.company} />}
        {state.kind === 'choose' && (state.items.length === 0
          ? <Empty description={t('registry.noMatch')} />
          : (
            <>
              <Typography.Paragraph type="secondary">{t('registry.chooseHint')}</Typography.Paragraph>
              <SuggestionList items={state.items} onChoose={(s) => load(s.creditCode)} style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6 }} />
            </>
          ))}
      </div>
    </Modal>
  );
}
