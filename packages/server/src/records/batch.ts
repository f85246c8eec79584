import type { Locale } from '@yixiao/core';
import type { Db, Tx } from '../db/database';
import { AppError } from '../platform/http/errors';
import { t } from '../platform/i18n/messages';

export interface BatchResult {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}

/**
 * Runs one action per id, each in its own transaction, and answers a result per id: one record
 * that fails (not visible, stale, invalid) neither blocks nor undoes the others.
 */
export async function runBatch(db: Db, ids: string[], locale: Locale, action: (tx: Tx, id: string) => Promise<unknown>): Promise<{ results: BatchResult[] }> {
  const results: BatchResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await db.transaction().execute((tx) => action(tx, id));
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: { code: error.code, message: t(locale, error.messageKey, error.params) } });
    }
  }
  return { results };
}
