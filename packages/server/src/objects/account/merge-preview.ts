import type { Db } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { invalid } from '../../platform/http/errors';
import { attachDisplayNames } from '../../records/display';
import { findRow } from '../../records/read';
import { openScope } from '../../records/scope';
import { rowToRecord } from '../../records/values';
import { mergeableFields } from './mergeable';
import { MAX_MERGE } from './merge.types';
import { accountRelations } from './related';
import { countRelated } from './related-counts';
import './messages';

/**
 * The 合并客户 page's data: the accounts side by side (each one the caller may merge, i.e. manage),
 * the fields a merge may choose with whether their values differ, and what hangs on each account.
 */
export async function previewMerge(db: Db, auth: AuthContext, idList: string) {
  const ids = [...new Set(idList.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean))];
  if (ids.length < 2) throw invalid('account.merge.need_two');
  if (ids.length > MAX_MERGE) throw invalid('account.merge.too_many', { max: MAX_MERGE });
  const scope = await openScope(db, auth, 'account');
  const records: Record<string, unknown>[] = [];
  for (const id of ids) records.push(rowToRecord(scope.object, await findRow(db, scope, id, 'manage')));
  await attachDisplayNames(db, scope, records);
  const relations = await accountRelations(db, auth.tenantId);
  const accounts = [];
  for (const record of records) accounts.push({ record, related: await countRelated(db, auth.tenantId, relations, [record.id as string]) });
  const fields = mergeableFields(scope.object).map((f) => ({
    key: f.key,
    differs: new Set(records.map((r) => JSON.stringify(r[f.key] ?? null))).size > 1,
  }));
  return { accounts, fields };
}
