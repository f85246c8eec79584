import type { FieldMeta } from '@yixiao/core';
import { ApiError } from '../../api/client';
import type { RecordData } from '../extensions';

/** Normalises "nothing" so that '' vs null vs [] never counts as a change. */
const norm = (v: unknown) => (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));

/** The values a form starts from for a record: its editable fields only. */
export const valuesOf = (record: RecordData, fields: FieldMeta[]) =>
  Object.fromEntries(fields.map((f) => [f.key, record[f.key] ?? null]));

/** What an edit changes, so a PATCH touches (and logs) only the fields the user changed. */
export function changedValues(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !sameValue(before[k], v)).map(([k, v]) => [k, norm(v)]));
}

/** Values for a create: empty inputs are left out, so the server's defaults apply to them. */
export const filledValues = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => norm(v) !== null));

/** The server's per-field problems (details of a 400): [{ field, reason }]. */
export function fieldProblems(error: unknown): { field: string; reason: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter((d): d is { field: string; reason: string } =>
    typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string' && typeof (d as { reason?: unknown }).reason === 'string');
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';

/**
 * After a conflict the newest record is read again: fields the user did not touch take the new
 * values, fields they changed keep what they typed (nothing they entered is lost).
 */
export function mergeAfterConflict(mine: Record<string, unknown>, base: Record<string, unknown>, fresh: RecordData) {
  return Object.fromEntries(Object.entries(mine).map(([k, v]) => [k, sameValue(v, base[k]) ? fresh[k] ?? null : v]));
}
