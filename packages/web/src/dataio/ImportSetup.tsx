import { Alert, Button, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { IMPORT_MODES, TEXT_ENCODINGS, type ImportMode, type ImportRules, type ImportTarget, type TextEncoding } from '@yixiao/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOf, importApi } from './api';
import { ImportNotes } from './ImportNotes';
import { sniffEncoding, type EncodingHint } from './sniffEncoding';

export interface SetupValue {
  mode: ImportMode;
  encoding: TextEncoding;
  file: File | null;
}

interface Props {
  object: string;
  target: ImportTarget;
  rules: ImportRules | null;
  rulesError: string | null;
  value: SetupValue;
  onChange(patch: Partial<SetupValue>): void;
}

const Heading = ({ children }: { children: string }) => <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>{children}</Typography.Text>;

/**
 * 上传文档, the first step of the import dialog (§3.2.2, §3.5.3): 一、the template and its 注意事项,
 * 二、what to do with duplicates (with the 查重规则 in force), 三、the file and, for CSV, its encoding.
 */
export function ImportSetup({ object, target, rules, rulesError, value, onChange }: Props) {
  const { t } = useTranslation();
  const [notesOpen, setNotesOpen] = useState(false);
  const [hint, setHint] = useState<EncodingHint>(null);
  const [badType, setBadType] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const isCsv = !!value.file && formatOf(value.file.name) === 'csv';

  useEffect(() => {
    let current = true;
    if (!value.file || !isCsv) setHint(null);
    else void sniffEncoding(value.file, value.encoding).then((h) => { if (current) setHint(h); }, () => undefined);
    return () => { current = false; };
  }, [value.file, value.encoding, isCsv]);

  const choose = (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    const format = formatOf(file.name);
    setBadType(!format);
    if (format) onChange({ file });
  };

  return (
    <div data-testid="import-setup">
      <Heading>{t('dataio.template.intro')}</Heading>
      <Space wrap>
        <Button icon={<FileTextOutlined />} href={importApi.templateUrl(object, 'csv', target)} download data-testid="import-template-csv">{t('dataio.template.csv')}</Button>
        <Button icon={<FileExcelOutlined />} href={importApi.templateUrl(object, 'xlsx', target)} download data-testid="import-template-xlsx">{t('dataio.template.xlsx')}</Button>
        <Button type="link" onClick={() => setNotesOpen(!notesOpen)} data-testid="import-notes-toggle">{t(notesOpen ? 'dataio.notes.hide' : 'dataio.notes.show')}</Button>
      </Space>
      {notesOpen && <ImportNotes rules={rules} rulesError={rulesError} />}

      <Heading>{t('dataio.mode.intro')}</Heading>
      <Select<ImportMode>
        value={value.mode} onChange={(mode) => onChange({ mode })} style={{ width: 300 }} data-testid="import-mode"
        options={IMPORT_MODES.map((mode) => ({ value: mode, label: t(`dataio.mode.${mode}`) }))}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{t(`dataio.mode.${value.mode}.hint`)}</Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="import-dedupe-rule">
        {rules ? (rules.dedupeRule ? t('dataio.dedupe.rule', { rule: rules.dedupeRule }) : t('dataio.dedupe.none')) : <Typography.Text type="secondary">{rulesError}</Typography.Text>}
      </Typography.Paragraph>
      {value.mode !== 'skip' && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('dataio.mode.blankWarning')} data-testid="import-blank-warning" />}

      <Heading>{t('dataio.file.intro')}</Heading>
      <Space wrap>
        <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()} data-testid="import-file-add">{t(value.file ? 'dataio.file.change' : 'dataio.file.add')}</Button>
        {value.file && (
          <Space size={4} data-testid="import-file-name">
            <Typography.Text>{value.file.name}</Typography.Text>
            <Button size="small" type="link" onClick={() => onChange({ file: null })}>{t('dataio.file.remove')}</Button>
          </Space>
        )}
        <input
          ref={input} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }} data-testid="import-file-input" onChange={(e) => choose(e.target.files?.[0])}
        />
      </Space>
      {badType && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('dataio.file.badType')} data-testid="import-file-bad-type" />}

      <div style={{ marginTop: 12 }}>
        <Space>
          <Typography.Text>{t('dataio.encoding.label')}</Typography.Text>
          <Select<TextEncoding>
            value={value.encoding} onChange={(encoding) => onChange({ encoding })} style={{ width: 200 }} data-testid="import-encoding"
            disabled={!!value.file && !isCsv}
            options={TEXT_ENCODINGS.map((encoding) => ({ value: encoding, label: t(`dataio.encoding.${encoding}`) }))}
          />
          {!!value.file && !isCsv && <Typography.Text type="secondary">{t('dataio.encoding.xlsx')}</Typography.Text>}
        </Space>
        {hint && (
          <Alert type={hint === 'bom' ? 'info' : 'warning'} showIcon style={{ marginTop: 8 }} title={t(`dataio.encoding.${hint}`)} data-testid={`import-encoding-${hint}`} />
        )}
      </div>
    </div>
  );
}
