import { Alert, Table, Tag, Typography } from 'antd';
import type { ImportRules } from '@yixiao/core';
import { useTranslation } from 'react-i18next';

/** 查看注意事项: the rules' notes (they name the required columns) and each column, required ones tagged, with what it takes. */
export function ImportNotes({ rules, rulesError }: { rules: ImportRules | null; rulesError: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info" style={{ marginTop: 8 }} data-testid="import-notes" title={t('dataio.notes.title')}
      description={rules ? (
        <>
          <ul style={{ paddingInlineStart: 18, margin: '0 0 8px' }}>{rules.notes.map((note) => <li key={note}>{note}</li>)}</ul>
          <Table
            size="small" rowKey="key" pagination={false} dataSource={rules.columns} scroll={{ y: 220 }} data-testid="import-columns"
            columns={[
              {
                key: 'label', title: t('dataio.notes.column'), width: 170,
                render: (_, c) => <span data-testid={c.required ? 'import-column-required' : undefined}>{c.label}{c.required && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('common.required')}</Tag>}</span>,
              },
              { key: 'hint', title: t('dataio.notes.hint'), render: (_, c) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.hint ?? ''}</Typography.Text> },
            ]}
          />
        </>
      ) : (rulesError ?? t('dataio.notes.loading'))}
    />
  );
}
