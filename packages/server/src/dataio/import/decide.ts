import type { ImportMode } from '@yixiao/core';
import type { StoredMessage } from '../../db/schema-imports';
import type { BatchMatches, DuplicateMatch } from './match-duplicates';

export type Converted = { values: Record<string, unknown> } | { error: StoredMessage };

export type Decision =
  | { line: number; kind: 'create'; values: Record<string, unknown> }
  | { line: number; kind: 'update'; values: Record<string, unknown>; target: DuplicateMatch }
  | { line: number; kind: 'skipped'; reason: StoredMessage }
  | { line: number; kind: 'failed'; reason: StoredMessage };

/** At most this many names are listed when a row duplicates several records. */
const NAMES_SHOWN = 3;

/**
 * Where a row that duplicates nothing in the file so far goes, by the mode (§3.2.2): 覆盖导入
 * updates its duplicate or creates; 不导入 skips duplicates and creates the rest; 仅覆盖重复数据
 * updates duplicates and creates nothing. A row duplicating several records updates the one
 * matching on the most rule fields; when that does not settle it, the row fails rather than guess.
 */
export function decide(mode: ImportMode, line: number, values: Record<string, unknown>, matches: DuplicateMatch[]): Decision {
  if (matches.length === 0) {
    return mode === 'overwriteOnly' ? { line, kind: 'skipped', reason: { key: 'import.row.no_duplicate' } } : { line, kind: 'create', values };
  }
  if (mode === 'skip') return { line, kind: 'skipped', reason: { key: 'import.row.duplicate_skipped' } };
  const best = matches.filter((m) => m.fields === matches[0]!.fields);
  if (best.length > 1) {
    const names = best.slice(0, NAMES_SHOWN).map((m) => m.name ?? m.id).join('、') + (best.length > NAMES_SHOWN ? '…' : '');
    return { line, kind: 'failed', reason: { key: 'import.row.ambiguous', params: { count: best.length, names } } };
  }
  const target = best[0]!;
  if (!target.writable) return { line, kind: 'failed', reason: { key: 'import.row.not_writable', params: { name: target.name ?? '' } } };
  return { line, kind: 'update', values, target };
}

/**
 * How many of the batch's rows can run together: up to the first row that duplicates an earlier
 * row of the batch (the same key, or the same existing record). That row starts the next batch, by
 * when the earlier row's record is stored and the dedupe query finds it like any other.
 */
export function independentPrefix(ords: number[], batch: BatchMatches): number {
  const seenKeys = new Set<string>();
  const seenRecords = new Set<string>();
  for (const [index, ord] of ords.entries()) {
    const keys = (batch.keys.get(ord) ?? []).flatMap((k, i) => (k == null ? [] : [`${i}:${k}`]));
    const records = (batch.matches.get(ord) ?? []).map((m) => m.id);
    if (index > 0 && (keys.some((k) => seenKeys.has(k)) || records.some((r) => seenRecords.has(r)))) return index;
    for (const k of keys) seenKeys.add(k);
    for (const r of records) seenRecords.add(r);
  }
  return ords.length;
}
