import { countConditions, filterSchema, MAX_FILTER_CONDITIONS, type FilterNode } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import { AppError, invalid } from '../platform/http/errors';
import { compileFilter } from './filter-sql';
import { orderBy } from './list-records';
import { filterContext, type RecordScope } from './scope';

/** A user's saved view of one object: its filter (up to 20 conditions) and sort. */
export async function loadSavedView(db: DbOrTx, scope: RecordScope, viewId: string) {
  const view = await db.selectFrom('list_views').selectAll()
    .where('tenant_id', '=', scope.auth.tenantId).where('user_id', '=', scope.auth.userId)
    .where('object', '=', scope.object.key).where('id', '=', viewId).executeTakeFirst();
  if (!view) throw new AppError(404, 'not_found', 'records.bad_view');
  return { ...view, filter: view.filter as FilterNode };
}

/** Checks a view before saving: a valid tree, at most 20 conditions, fields and operators the object has. */
export function validateView(scope: RecordScope, filter: unknown, sort: string | null | undefined): FilterNode {
  const parsed = filterSchema.safeParse(filter);
  if (!parsed.success) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error.issues[0]?.message ?? '' });
  if (countConditions(parsed.data) > MAX_FILTER_CONDITIONS) throw invalid('records.too_many_conditions', { max: MAX_FILTER_CONDITIONS });
  compileFilter(scope.object, parsed.data, filterContext(scope)); // throws on unknown fields or bad values
  if (sort) orderBy(scope, sort);
  return parsed.data;
}
