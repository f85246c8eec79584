import { Alert, Modal, Table, Typography } from 'antd';
import type { ImportUndoResult } from '@yixiao/core';
import { useTranslation } from 'react-i18next';

/** What 撤销导入 did: records removed and restored, and those it left alone because they changed since, with why. */
export function UndoOutcome({ result, onClose }: { result: ImportUndoResult | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={!!result} title={t('dataio.undo.title')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} zIndex={1200} width={640}>
      {result && (
        <div data-testid="import-undo-result">
          <Alert type="success" showIcon title={t('dataio.undo.summary', { removed: result.removed, restored: result.restored })} data-testid="import-undo-summary" />
          {result.kept.length > 0 && (
            <>
              <Typography.Paragraph style={{ margin: '12px 0 8px' }}>{t('dataio.undo.kept', { count: result.kept.length })}</Typography.Paragraph>
              <Table
                data-testid="import-undo-kept" rowKey="recordId" size="small" pagination={result.kept.length > 10 ? { pageSize: 10 } : false} dataSource={result.kept}
                columns={[
                  { key: 'name', title: t('dataio.undo.name'), width: 180, render: (_, k) => k.name ?? k.recordId },
                  { key: 'reason', title: t('dataio.undo.reason'), dataIndex: 'reason' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
