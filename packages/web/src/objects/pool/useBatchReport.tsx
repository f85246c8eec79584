import { App } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import type { BatchResult } from '../../records/api';
import type { RecordData } from '../../records/extensions';
import { recordName, textOf, useLocale } from '../../records/fields';

/**
 * Tells how a pool batch went: a message when every record succeeded, else the records that did
 * not and why (a return refused by the group's rules, an account already in a group …).
 */
export function useBatchReport(meta: ObjectMeta, selected: RecordData[]) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  return (results: BatchResult[], done: string) => {
    const failed = results.filter((r) => !r.ok);
    const ok = results.length - failed.length;
    if (!failed.length) {
      void message.success(t(done, { count: ok, object: textOf(meta.label, locale) }));
      return;
    }
    const names = new Map(selected.map((r) => [r.id, recordName(meta, r)]));
    modal.warning({
      title: t('pool.batch.partial', { ok, failed: failed.length }),
      width: 520,
      content: (
        <ul data-testid="pool-batch-failures" style={{ paddingLeft: 18, marginTop: 8 }}>
          {failed.map((r) => <li key={r.id}><b>{names.get(r.id) ?? r.id}</b>：{r.error?.message}</li>)}
        </ul>
      ),
    });
  };
}
