import { ApiError } from '../../api/client';
import type { TransferAddon, TransferResult } from '../../records/extensions';
import { accountApi } from './api';
import { RelatedChoice } from './RelatedChoice';
import { defaultRelated, outcomeNote, transferRelations } from './relations';

/** 转移客户 (§3.5.8): the related-record choice in both 转移 dialogs, and the transfer that honours it. */
export const accountTransferAddon: TransferAddon = {
  objects: ['account'],
  render: ({ batch, value, onChange }) => <RelatedChoice batch={batch} value={value} onChange={onChange} />,
  async transfer({ ids, ownerId, value }): Promise<TransferResult[]> {
    const relations = await transferRelations();
    const related = Array.isArray(value) ? value as string[] : defaultRelated(relations);
    if (ids.length === 1) {
      // The single route answers the transferred record, which the detail page shows at once.
      try {
        const { record, ...outcome } = await accountApi.transfer(ids[0]!, ownerId, related);
        return [{ id: record.id, ok: true, record, note: outcomeNote(outcome, relations) }];
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return [{ id: ids[0]!, ok: false, error: { code: error.code, message: error.message } }];
      }
    }
    const results = await accountApi.batchTransfer(ids, ownerId, related);
    return results.map((r) => (r.ok && r.moved && r.kept ? { ...r, note: outcomeNote({ moved: r.moved, kept: r.kept }, relations) } : r));
  },
};
