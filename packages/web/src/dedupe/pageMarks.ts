import { useEffect, useState } from 'react';
import { dedupeApi, type DuplicateMark } from './api';

/** Marks stay fresh this long: a list re-rendered (sorting, a popover) asks once, a return later asks again. */
const FRESH_MS = 30_000;
const cache = new Map<string, { at: number; marks: Promise<Map<string, DuplicateMark>> }>();

/** One request for a whole list page, shared by every row's marker. */
function marksFor(object: string, pageIds: string[]) {
  const key = `${object}:${pageIds.join(',')}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.marks;
  const marks = dedupeApi.marks(object, pageIds).then((list) => new Map(list.map((m) => [m.id, m])), () => new Map<string, DuplicateMark>());
  cache.set(key, { at: Date.now(), marks });
  for (const [old, entry] of cache) if (Date.now() - entry.at >= FRESH_MS) cache.delete(old);
  return marks;
}

export function usePageMark(object: string, pageIds: string[], id: string): DuplicateMark | undefined {
  const [mark, setMark] = useState<DuplicateMark | undefined>();
  useEffect(() => {
    let current = true;
    if (pageIds.length) void marksFor(object, pageIds).then((marks) => { if (current) setMark(marks.get(id)); });
    return () => { current = false; };
  }, [object, pageIds, id]);
  return mark;
}
