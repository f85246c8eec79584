import { randomUUID } from 'node:crypto';
import type { StoredMessage } from '../../db/schema-imports';
import type { EngineField } from '../../metadata/registry';
import type { RecordScope } from '../../records/scope';
import type { ConvertedRow } from '../read/convert';
import { mapInSlices } from '../slices';
import { searchText } from '../../records/search-text';
import { validateWrite } from '../../records/values';
import { entersPool, reasonOf, type WriteRules } from './apply-engine';
import type { PoolDefaults } from './pool-entry';

/** A row to create, as far as it can be known outside the batch's transaction. */
export interface CreateDraft {
  id: string;
  inPool: boolean;
  values: Map<EngineField, unknown>;
  /** Null when a searched field is only known in the transaction (a department, an auto-number). */
  searchText: string | null;
}

export type Drafted = CreateDraft | { error: StoredMessage };
export type Drafter = (values: Record<string, unknown>) => Drafted;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * search_text for a jsonb record: the pinyin initials of a character outside the BMP (𠀀) can be
 * half a surrogate pair, which a text parameter turns into U+FFFD but JSON cannot carry at all.
 */
export const searchTextOf = (...args: Parameters<typeof searchText>) => searchText(...args).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

/**
 * A created row as the record engine would store it, short of what only the batch's transaction
 * knows (owners' departments, auto-numbers, the clock): the fields' defaults, the importer as owner
 * outside a pool, the row's 所属公海 (the default group, only one the importer belongs to), the
 * engine's own validateWrite, and the search text. Pure computing: the runner drafts the next
 * batch's rows while the database writes the current batch (a row that turns out to be a duplicate
 * wastes its draft).
 */
export function makeDrafter(scope: RecordScope, rules: WriteRules, pool: PoolDefaults | null): Drafter {
  const { object, auth } = scope;
  const late = new Set(['departmentId', ...object.fields.filter((f) => f.type === 'autonumber').map((f) => f.key)]);
  const searchedEarly = !object.searchFields.some((key) => late.has(key));
  const defaults = object.fields.filter((f) => f.defaultValue !== undefined && !f.readOnly);
  return (given) => {
    const inPool = entersPool(rules, given);
    try {
      const input: Record<string, unknown> = {};
      for (const field of defaults) input[field.key] = field.defaultValue;
      if (object.owned && !inPool) input.ownerId = auth.userId;
      for (const [k, v] of Object.entries(given)) if (!isEmpty(v) && !(inPool && k === 'ownerId')) input[k] = v;
      if (pool) pool.check(input);
      const values = validateWrite(object, input, { create: true, unowned: inPool });
      const text = searchedEarly ? searchTextOf(object, Object.fromEntries([...values].map(([f, v]) => [f.key, v]))) : null;
      return { id: randomUUID(), inPool, values, searchText: text };
    } catch (error) {
      return { error: reasonOf(error) };
    }
  };
}

/** Rows drafted between two turns of the event loop: about two milliseconds of work. */
const DRAFT_SLICE = 25;

/** Drafts a batch's valid rows, by line, a slice at a time (mapInSlices: the batch in hand keeps its turn). */
export async function draftRows(draft: Drafter, converted: ConvertedRow[]): Promise<Map<number, Drafted>> {
  const valid = converted.flatMap((c) => ('values' in c ? [c] : []));
  return new Map(await mapInSlices(valid, DRAFT_SLICE, (c) => [c.line, draft(c.values)] as const));
}
