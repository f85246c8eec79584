import type { Label } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import type { AuthContext } from '../platform/auth/context';
import { viewerOf } from '../records/scope';
import { parseQuery } from './query-terms';
import { SEARCHED_OBJECTS, searchStatement } from './search-sql';

export interface SearchGroup {
  object: string;
  label: Label;
  items: { id: string; name: string; secondary: string | null; link: string }[];
  /** More matches than shown: the results page (/search?q=) asks with a larger limit. */
  more: boolean;
}

/** Matches grouped by object in menu order; objects without matches are left out. */
export async function globalSearch(db: DbOrTx, auth: AuthContext, q: string, limit: number): Promise<SearchGroup[]> {
  const query = parseQuery(q);
  if (!query.terms.length) return [];
  const viewer = await viewerOf(db, auth);
  const { rows } = await searchStatement(viewer, query, limit).execute(db);
  return SEARCHED_OBJECTS.flatMap((object) => {
    const hits = rows.filter((row) => row.object === object.key);
    if (!hits.length) return [];
    return [{
      object: object.key,
      label: object.label,
      items: hits.slice(0, limit).map((row) => ({ id: row.id, name: row.name ?? '', secondary: row.secondary || null, link: `/${object.key}/${row.id}` })),
      more: hits.length > limit,
    }];
  });
}
