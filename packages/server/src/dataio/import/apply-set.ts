import { sql } from 'kysely';
import { POOL_OBJECTS } from '@yixiao/core';
import type { Tx } from '../../db/database';
import type { FieldChange } from '../../db/schema';
import type { EngineField } from '../../metadata/registry';
import { diffFields } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { hooksOf } from '../../records/hooks';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { rowToRecord, validateWrite } from '../../records/values';
import { canWrite } from '../../records/visibility';
import { reasonOf, type RowResult, type WriteRules } from './apply-engine';
import type { Decision } from './decide';
import type { AssignedTally } from '../../objects/pool/enter-pool';
import { assignBeforeInsert, poolEntryEvents, type PoolDefaults } from './pool-entry';
import { searchTextOf, type CreateDraft, type Drafted, type Drafter } from './draft-create';
import { timed } from './phases';

/**
 * Objects whose writes the set-based path can make with the engine's guarantees: those without
 * hooks of their own, and the pool objects, whose hooks (default group, pool state, event,
 * auto-assign; a converted lead keeps its status) it reproduces through the pool room's exports.
 * Others (opportunities' stage history, products' categories) go row by row through the engine.
 */
export const setBasedSupported = (objectKey: string) =>
  (POOL_OBJECTS as readonly string[]).includes(objectKey) || hooksOf(objectKey).length === 0;

type Row = Record<string, unknown>;

/** What a batch's set-based writes carry besides the rows: see makeDrafter and AssignedTally. */
export interface BatchWrites {
  /** Drafts the runner made ahead, by line; rows without one are drafted here. */
  drafted?: Map<number, Drafted>;
  draft: Drafter;
  /** The 所属公海 rules of a pool import (null otherwise). */
  pool: PoolDefaults | null;
  /** Who the pool's rules gave records to, added to as this batch assigns. */
  assigned: AssignedTally;
}

/** A value as it goes into a jsonb record for jsonb_populate_recordset: regions and multi-selects as JSON, the rest as text. */
const jsonValue = (field: EngineField, value: unknown) => (value === undefined ? null : value);

/**
 * Writes a batch's creates and overwrites set-based: values validated and defaulted in JavaScript by
 * the engine's own validateWrite, then one INSERT … SELECT FROM jsonb_populate_recordset for the
 * new records, one UPDATE … FROM for the overwritten ones (locked first, in id order, under the
 * write-visibility predicate), one multi-row insert into the operation log. Pool entries and
 * auto-assignment go through the pool room. Answers one result per decision, in line order.
 */
export async function applySetBased(tx: Tx, scope: RecordScope, rules: WriteRules, decisions: Decision[], writes: BatchWrites): Promise<RowResult[]> {
  const results = new Map<number, RowResult>();
  const audit: { recordId: string; action: string; changes: FieldChange[] }[] = [];
  for (const d of decisions) if (d.kind === 'skipped' || d.kind === 'failed') results.set(d.line, { line: d.line, outcome: d.kind, error: d.reason });
  const creates = decisions.filter((d) => d.kind === 'create');
  const updates = decisions.filter((d) => d.kind === 'update');
  if (creates.length) await timed('apply: creates', () => createAll(tx, scope, creates, results, audit, writes));
  if (updates.length) await timed('apply: updates', () => updateAll(tx, scope, rules, updates, results, audit));
  if (audit.length) {
    // One JSON document rather than a jsonb[] parameter: an array literal of a thousand JSON texts costs more to escape than to write.
    await timed('apply: audit', () => sql`INSERT INTO audit_log (tenant_id, actor_id, object_type, record_id, action, changes, request_id)
      SELECT ${scope.auth.tenantId}::uuid, ${scope.auth.userId}::uuid, ${scope.object.key}, a."recordId", a.action, a.changes, NULL
      FROM jsonb_to_recordset(${JSON.stringify(audit)}::jsonb) AS a("recordId" text, action text, changes jsonb)`.execute(tx));
  }
  return decisions.map((d) => results.get(d.line)!);
}

async function createAll(tx: Tx, scope: RecordScope, creates: Extract<Decision, { kind: 'create' }>[], results: Map<number, RowResult>, audit: { recordId: string; action: string; changes: FieldChange[] }[], writes: BatchWrites) {
  const { object, auth } = scope;
  const pool = writes.pool;
  const prepared: (CreateDraft & { line: number })[] = [];
  for (const d of creates) {
    const draft = writes.drafted?.get(d.line) ?? writes.draft(d.values);
    if ('error' in draft) results.set(d.line, { line: d.line, outcome: 'failed', error: draft.error });
    else prepared.push({ line: d.line, ...draft });
  }
  if (!prepared.length) return;
  // The owner's department, for every owner of the batch at once.
  const ownerField = object.field('ownerId');
  const deptField = object.field('departmentId');
  if (object.owned && ownerField && deptField) {
    const owners = [...new Set(prepared.map((p) => p.values.get(ownerField)).filter((v): v is string => typeof v === 'string'))];
    const depts = owners.length ? await tx.selectFrom('users').select(['id', 'department_id']).where('tenant_id', '=', auth.tenantId).where('id', 'in', owners).execute() : [];
    const deptOf = new Map(depts.map((u) => [u.id, u.department_id]));
    for (const p of prepared) if (p.values.get(deptField) == null && p.values.get(ownerField) != null) p.values.set(deptField, deptOf.get(p.values.get(ownerField) as string) ?? null);
  }
  // Auto-numbers: a block of consecutive numbers per field for the batch, drawn like nextAutonumber draws one.
  for (const field of object.fields.filter((f) => f.type === 'autonumber' && !f.retired)) {
    const row = await tx.insertInto('autonumber_counters').values({ tenant_id: auth.tenantId, object: object.key, field_key: field.key, next_value: String(prepared.length) })
      .onConflict((oc) => oc.columns(['tenant_id', 'object', 'field_key']).doUpdateSet({ next_value: sql`autonumber_counters.next_value + ${prepared.length}` }))
      .returning('next_value').executeTakeFirstOrThrow();
    const first = Number(row.next_value) - prepared.length + 1;
    const format = field.autonumber ?? { prefix: field.key === 'contractNo' ? 'HT' : field.key === 'orderNo' ? 'DD' : 'NO', digits: 6 };
    prepared.forEach((p, i) => p.values.set(field, `${format.prefix}${String(first + i).padStart(format.digits, '0')}`));
  }

  // The transaction's clock, as the columns' defaults would give it: rule conditions read it before the insert.
  const { rows: [clock] } = await sql<{ now: string }>`SELECT now()::text AS now`.execute(tx);
  const columns = new Set<string>(['id', 'tenant_id', 'custom', 'search_text', 'created_by', 'updated_by', 'created_at', 'updated_at']);
  if (pool) columns.add('pool_state');
  const records = prepared.map((p) => {
    const record: Row = { id: p.id, tenant_id: auth.tenantId, created_by: auth.userId, updated_by: auth.userId, created_at: clock!.now, updated_at: clock!.now };
    const custom: Row = {};
    for (const [field, value] of p.values) {
      if (field.column) { columns.add(field.column); record[field.column] = jsonValue(field, value); } else if (value !== null) custom[field.key] = value;
    }
    record.custom = custom;
    record.search_text = p.searchText ?? searchTextOf(object, Object.fromEntries([...p.values].map(([f, v]) => [f.key, v])));
    if (pool) record.pool_state = p.inPool ? 'pool' : 'held';
    return record;
  });
  // Pooled rows meet their groups' auto-assign rules before the insert, so the assigned ones are written once, held.
  const entering = records.filter((_, i) => prepared[i]!.inPool);
  const assignments = entering.length ? await timed('pool: assign', () => assignBeforeInsert(tx, scope, entering, writes.assigned)) : [];
  if (assignments.length) columns.add('owner_id').add('department_id').add('claimed_at');
  const list = [...columns];
  // Only what the batch reads back (the version, for undo): parsing whole rows costs more than the insert's own work.
  const { rows } = await timed('apply: insert', () => sql<Row>`INSERT INTO ${sql.table(object.table)} (${sql.join(list.map((c) => sql.ref(c)))})
    SELECT ${sql.join(list.map((c) => sql.ref(`x.${c}`)))} FROM jsonb_populate_recordset(NULL::${sql.table(object.table)}, ${JSON.stringify(records)}::jsonb) AS x
    RETURNING id, version`.execute(tx));
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  if (entering.length) await timed('pool: events', () => poolEntryEvents(tx, scope, entering, assignments));
  for (const p of prepared) {
    const row = byId.get(p.id)!;
    audit.push({ recordId: p.id, action: 'create', changes: [...p.values].filter(([, v]) => v !== null).map(([f, v]) => ({ field: f.key, old: null, new: v })) });
    results.set(p.line, { line: p.line, outcome: 'created', error: null, change: { recordId: p.id, kind: 'created', previous: null, version: row.version as number } });
  }
}

async function updateAll(tx: Tx, scope: RecordScope, rules: WriteRules, updates: Extract<Decision, { kind: 'update' }>[], results: Map<number, RowResult>, audit: { recordId: string; action: string; changes: FieldChange[] }[]) {
  const { object, auth } = scope;
  const ids = updates.map((u) => u.target.id);
  // Locked in id order, so two writers of the same records never wait on each other crosswise.
  const { rows: locked } = await sql<Row>`SELECT ${sql.ref(R)}.* FROM ${sql.table(object.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ANY(${ids}::uuid[]) AND ${canWrite(object, scope.viewer)}
    ORDER BY ${sql.ref(`${R}.id`)} FOR UPDATE OF ${sql.ref(R)}`.execute(tx);
  const current = new Map(locked.map((r) => [r.id as string, r]));
  const ownerChanges = object.owned && !rules.kept.has('ownerId');
  const newOwners = ownerChanges ? [...new Set(updates.map((u) => u.values.ownerId).filter((v): v is string => typeof v === 'string' && v !== ''))] : [];
  const deptOf = new Map((newOwners.length ? await tx.selectFrom('users').select(['id', 'department_id']).where('tenant_id', '=', auth.tenantId).where('id', 'in', newOwners).execute() : []).map((u) => [u.id, u.department_id]));

  const columns = new Set<string>(['custom', 'search_text']);
  const records: Row[] = [];
  for (const u of updates) {
    const row = current.get(u.target.id);
    if (!row) { results.set(u.line, { line: u.line, outcome: 'failed', error: { key: 'import.row.not_writable', params: { name: u.target.name ?? '' } } }); continue; }
    try {
      const before = rowToRecord(object, row);
      const input = Object.fromEntries(Object.entries(u.values).filter(([k]) => !rules.kept.has(k) && k !== 'ownerId'));
      // §3.3.3: a converted lead keeps 已转换 (the lead hook's rule, for rows written set-based).
      if (object.key === 'lead' && row.converted_at && 'status' in input && input.status !== row.status) throw new AppError(409, 'lead_converted', 'lead.converted_status');
      const values = validateWrite(object, input, { create: false, previous: before });
      const after: Row = { ...before, ...Object.fromEntries([...values].map(([f, v]) => [f.key, v])) };
      const changes = diffFields(before, after, [...values.keys()].map((f) => f.key));
      const owner = u.values.ownerId;
      // A record waiting in its pool is taken from there by the pool's own actions, not by an import.
      const transfer = ownerChanges && typeof owner === 'string' && owner !== '' && owner !== row.owner_id && row.owner_id != null;
      if (!changes.length && !transfer) {
        results.set(u.line, { line: u.line, outcome: 'updated', error: null, change: { recordId: row.id as string, kind: 'updated', previous: {}, version: row.version as number } });
        continue;
      }
      const record: Row = { id: row.id };
      const custom = { ...(row.custom as Row) };
      for (const [field, value] of values) {
        if (field.column) { columns.add(field.column); record[field.column] = jsonValue(field, value); } else if (value === null) delete custom[field.key]; else custom[field.key] = value;
      }
      record.custom = custom;
      record.search_text = searchTextOf(object, after);
      const previous: Row = Object.fromEntries(changes.map((c) => [c.field, c.old]));
      if (changes.length) audit.push({ recordId: row.id as string, action: 'update', changes });
      if (transfer) {
        columns.add('owner_id').add('department_id');
        record.owner_id = owner;
        record.department_id = deptOf.get(owner) ?? null;
        previous.ownerId = row.owner_id;
        previous.departmentId = row.department_id;
        audit.push({ recordId: row.id as string, action: 'transfer', changes: [
          { field: 'ownerId', old: row.owner_id, new: owner },
          ...(row.department_id !== record.department_id ? [{ field: 'departmentId', old: row.department_id, new: record.department_id }] : []),
        ] });
      }
      records.push(record);
      results.set(u.line, { line: u.line, outcome: 'updated', error: null, change: { recordId: row.id as string, kind: 'updated', previous, version: (row.version as number) + 1 } });
    } catch (error) {
      results.set(u.line, { line: u.line, outcome: 'failed', error: reasonOf(error) });
    }
  }
  if (!records.length) return;
  // Every written row carries every column of the SET list: its new value, or the value it has.
  for (const record of records) {
    const row = current.get(record.id as string)!;
    for (const column of columns) if (!(column in record)) record[column] = row[column] instanceof Date ? (row[column] as Date).toISOString() : row[column];
  }
  const list = [...columns];
  await sql`UPDATE ${sql.table(object.table)} AS t SET ${sql.join(list.map((c) => sql`${sql.ref(c)} = ${sql.ref(`x.${c}`)}`))},
      version = t.version + 1, updated_by = ${auth.userId}::uuid, updated_at = now()
    FROM jsonb_populate_recordset(NULL::${sql.table(object.table)}, ${JSON.stringify(records)}::jsonb) AS x
    WHERE t.tenant_id = ${auth.tenantId}::uuid AND t.id = x.id`.execute(tx);
}
