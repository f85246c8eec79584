import { Alert, Button, Modal, Popconfirm, Steps } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import type { ImportJob, ImportRules, ImportTarget } from '@yixiao/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ACTIVE_STATUSES, importApi } from './api';
import { ImportLog } from './ImportLog';
import { ImportOutcome } from './ImportOutcome';
import { ImportProgress } from './ImportProgress';
import { ImportSetup, type SetupValue } from './ImportSetup';
import { useImportJob } from './useImportJob';

interface Props {
  object: string;
  target: ImportTarget;
  title: string;
  open: boolean;
  onClose(): void;
  /** Records were created, changed or removed: the list behind should reload. */
  onChanged(): void;
}

/** Why 开始导入 was refused: another import holds the company's one slot, or the file cannot be read (the server says why). */
interface StartError { kind: 'busy' | 'error'; message: string }

const FRESH: SetupValue = { mode: 'skip', encoding: 'gb18030', file: null };

/**
 * The import dialog of every list (§3.2.2, §3.3.2, §3.4.3, §3.5.3): 上传文档 → 导入数据 → 完成.
 * Closing it while an import runs leaves the import running; opening it again shows it still going.
 */
export function ImportDialog({ object, target, title, open, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<SetupValue>(FRESH);
  const [rules, setRules] = useState<ImportRules | null>(null);
  const [rulesError, setRulesError] = useState<string | null>(null);
  const [started, setStarted] = useState<ImportJob | null>(null);
  const [job, setJob] = useImportJob(started);
  const [uploading, setUploading] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [startError, setStartError] = useState<StartError | null>(null);
  const [logOpen, setLogOpen] = useState(false);
  const reported = useRef<string | null>(null);

  const running = !!job && ACTIVE_STATUSES.has(job.status);
  const step = !job ? 0 : running ? 1 : 2;

  const reset = () => {
    setStarted(null);
    setJob(null);
    setSetup(FRESH);
    setStartError(null);
    setCancelling(false);
  };

  // A finished import is over: opening the dialog again starts a new one.
  useEffect(() => {
    if (open && job && !ACTIVE_STATUSES.has(job.status)) reset();
  }, [open]);

  useEffect(() => {
    if (!open || rules) return;
    let current = true;
    void importApi.rules(object, target).then((r) => { if (current) setRules(r); }, (e: Error) => { if (current) setRulesError(e.message); });
    return () => { current = false; };
  }, [open, object, target, rules]);

  // Tell the list once per import that records changed.
  useEffect(() => {
    if (!job || running || reported.current === job.id) return;
    reported.current = job.id;
    if (job.created + job.updated > 0) onChanged();
  }, [job, running, onChanged]);

  const start = async () => {
    if (!setup.file) return;
    setUploading(true);
    setStartError(null);
    try {
      setStarted(await importApi.start(object, { file: setup.file, mode: setup.mode, encoding: setup.encoding, target }));
    } catch (e) {
      setStartError({ kind: e instanceof ApiError && e.status === 409 ? 'busy' : 'error', message: (e as Error).message });
    } finally {
      setUploading(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    setCancelling(true);
    try {
      setJob(await importApi.cancel(job.id));
    } catch (e) {
      setStartError({ kind: 'error', message: (e as Error).message });
      setCancelling(false);
    }
  };

  const history = <Button key="history" type="link" icon={<HistoryOutlined />} onClick={() => setLogOpen(true)} style={{ float: 'left' }} data-testid="import-history">{t('dataio.history')}</Button>;
  const footer = step === 0 ? [
    history,
    <Button key="cancel" onClick={onClose} data-testid="import-cancel">{t('dataio.cancel')}</Button>,
    <Button key="start" type="primary" loading={uploading} disabled={!setup.file} onClick={() => void start()} data-testid="import-start">{t('dataio.start')}</Button>,
  ] : step === 1 ? [
    history,
    <Popconfirm key="stop" title={t('dataio.progress.cancelConfirm')} onConfirm={() => void cancel()} okButtonProps={{ danger: true }} styles={{ root: { maxWidth: 360 } }}>
      <Button danger loading={cancelling} data-testid="import-stop">{t(cancelling ? 'dataio.progress.cancelling' : 'dataio.progress.cancel')}</Button>
    </Popconfirm>,
    <Button key="close" onClick={onClose} data-testid="import-close">{t('dataio.close')}</Button>,
  ] : [
    history,
    <Button key="again" onClick={reset} data-testid="import-again">{t('dataio.again')}</Button>,
    <Button key="finish" type="primary" onClick={onClose} data-testid="import-finish">{t('dataio.finish')}</Button>,
  ];

  return (
    <>
      <Modal open={open} title={title} width={680} onCancel={onClose} footer={footer} maskClosable={false}>
        <div data-testid="import-dialog">
          <Steps
            size="small" current={step} style={{ margin: '8px 0 16px' }}
            items={[{ title: t('dataio.step.upload') }, { title: t('dataio.step.import') }, { title: t('dataio.step.done') }]}
          />
          {startError && (
            <Alert
              type="error" showIcon style={{ marginBottom: 12 }} data-testid={startError.kind === 'busy' ? 'import-busy' : 'import-error'}
              title={startError.kind === 'busy' ? startError.message : t('dataio.startFailed')}
              description={startError.kind === 'busy' ? undefined : startError.message}
            />
          )}
          {step === 0 && <ImportSetup object={object} target={target} rules={rules} rulesError={rulesError} value={setup} onChange={(patch) => { setSetup((s) => ({ ...s, ...patch })); if (patch.file !== undefined) setStartError(null); }} />}
          {step === 1 && job && <ImportProgress job={job} />}
          {step === 2 && job && <ImportOutcome job={job} />}
        </div>
      </Modal>
      <ImportLog object={object} open={logOpen} onClose={() => setLogOpen(false)} onChanged={onChanged} />
    </>
  );
}
