import { useEffect, useState } from 'react';
import { accountApi } from './api';

/** Marks stay fresh this long: re-rendering a page asks once, coming back later asks again. */
const FRESH_MS = 30_000;
const cache = new Map<string, { at: number; marks: Promise<Map<string, number>> }>();

/** One request for a whole list page, shared by every row's marker. */
function marksFor(pageIds: string[]) {
  const key = pageIds.join(',');
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.marks;
  const marks = accountApi.opportunityMarks(pageIds).then((list) => new Map(list.map((m) => [m.id, m.count])), () => new Map<string, number>());
  for (const [old, entry] of cache) if (Date.now() - entry.at >= FRESH_MS) cache.delete(old);
  cache.set(key, { at: Date.now(), marks });
  return marks;
}

/** How many opportunities the account has that the user may open; 0 while unknown. */
export function useOpportunityCount(pageIds: string[], id: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    if (pageIds.length) void marksFor(pageIds).then((marks) => { if (current) setCount(marks.get(id) ?? 0); });
    return () => { current = false; };
  }, [pageIds, id]);
  return count;
}
