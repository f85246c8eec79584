import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportTarget, ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, useLocale } from '../records/fields';
import { ImportDialog } from './ImportDialog';

interface Props {
  object: ObjectMeta;
  /** 'pool': 导入线索公海池 / 导入客户公海池 on the pool pages (§3.2.2, §3.4.3). */
  target?: ImportTarget;
  /** Reloads the list behind once records were imported or an import undone. */
  onChanged?(): void;
}

/** 导入线索, 导入客户 … on a list's toolbar, and the dialog it opens. */
export function ImportButton({ object, target = 'records', onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const label = target === 'pool' ? t(`dataio.import.pool.${object.key}`) : t('dataio.import.button', { object: textOf(object.label, locale) });
  const title = target === 'pool' ? t(`dataio.import.titlePool.${object.key}`) : label;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-open">{label}</Button>
      <ImportDialog object={object.key} target={target} title={title} open={open} onClose={() => setOpen(false)} onChanged={onChanged ?? noop} />
    </>
  );
}

function noop() {}
