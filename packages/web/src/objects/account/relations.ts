import i18n from 'i18next';
import { useEffect, useState } from 'react';
import { accountApi, type TransferOutcome, type TransferRelation } from './api';

let cached: Promise<TransferRelation[]> | null = null;

/** The kinds of related records a transfer may carry; read once per page load (they follow metadata). */
export function transferRelations(): Promise<TransferRelation[]> {
  cached ??= accountApi.transferRelations().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useTransferRelations(): TransferRelation[] | null {
  const [relations, setRelations] = useState<TransferRelation[] | null>(null);
  useEffect(() => {
    let current = true;
    void transferRelations().then((r) => { if (current) setRelations(r); }, () => { if (current) setRelations([]); });
    return () => { current = false; };
  }, []);
  return relations;
}

/** §3.5.8: every related kind is ticked at first; a disabled one (only the batch dialog shows it) is not. */
export const defaultRelated = (relations: TransferRelation[]) => relations.filter((r) => !r.disabled).map((r) => r.object);

/** "同时转移了 2 个联系人、1 个销售机会；3 条相关业务保留原所有人" */
export function outcomeNote(outcome: TransferOutcome, relations: TransferRelation[]): string {
  const t = i18n.t.bind(i18n);
  const label = (object: string) => {
    const relation = relations.find((r) => r.object === object);
    return relation ? (i18n.language === 'en-US' ? relation.label.en : relation.label.zh) : object;
  };
  const moved = Object.entries(outcome.moved).filter(([, ids]) => ids.length > 0)
    .map(([object, ids]) => t('account.transfer.item', { count: ids.length, object: label(object) }));
  const kept = Object.values(outcome.kept).reduce((a, b) => a + b, 0);
  const parts = [moved.length ? t('account.transfer.moved', { items: moved.join(t('account.listSeparator')) }) : t('account.transfer.nothingMoved')];
  if (kept > 0) parts.push(t('account.transfer.kept', { count: kept }));
  return parts.join(t('account.sentenceSeparator'));
}
