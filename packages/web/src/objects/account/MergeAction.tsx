import { Button, Tooltip } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RecordData } from '../../records/extensions';
import { recordPath } from '../../records/paths';
import { MAX_MERGE } from './mergeLimits';
import { MergeAccountsDialog } from './MergeAccountsDialog';

/** 合并 among the account list's batch actions (§3.5.10): two or more selected accounts. */
export function MergeAction({ object, selected, onDone }: { object: ObjectMeta; selected: RecordData[]; onDone(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const usable = selected.length >= 2 && selected.length <= MAX_MERGE;
  const button = (
    <Button icon={<MergeCellsOutlined />} disabled={!usable} onClick={() => setOpen(true)} data-testid="batch-merge">{t('account.merge.button')}</Button>
  );
  return (
    <>
      {usable ? button : <Tooltip title={t('account.merge.needTwo', { max: MAX_MERGE })}>{button}</Tooltip>}
      <MergeAccountsDialog
        open={open} meta={object} ids={selected.map((r) => r.id)} onClose={() => setOpen(false)}
        onMerged={(result) => {
          setOpen(false);
          onDone();
          navigate(recordPath(object.key, result.account.id));
        }}
      />
    </>
  );
}
