import type { Locale } from '@yixiao/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DbOrTx } from '../db/database';
import type { FieldChange } from '../db/schema';
import type { EngineField } from '../metadata/registry';
import { standardObject } from '../metadata/objects';
import { t } from '../platform/i18n/messages';
import type { RecordScope } from './scope';
import './tab-messages';

export const historyItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** create, update, delete, transfer, team_add, team_remove, activity_add, task_add, file_add, file_remove, … */
  action: z.string(),
  changes: z.array(z.object({
    field: z.string(),
    /** The field's name as this company labels it, in the caller's language. */
    label: z.string(),
    old: z.unknown(),
    new: z.unknown(),
    /** Values as a person reads them: option labels, user and record names, local times; null when empty. */
    oldText: z.string().nullable(),
    newText: z.string().nullable(),
  })),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** Changes that are not fields of the object but events on it, logged by the detail tabs. */
const EVENT_FIELDS = new Set(['team', 'activity', 'task', 'files', 'comment', 'merged', 'mergedInto', 'products', 'contacts', 'partners', 'competitors']);

/**
 * 操作记录: a record's operation log, newest first, each change with its field's label and both
 * values in words ("跟进状态: 未处理 → 已联系"). The caller has checked that the user may read the record.
 */
export async function loadHistory(db: DbOrTx, scope: RecordScope, recordId: string, locale: Locale, page: { page: number; pageSize: number }) {
  const base = db.selectFrom('audit_log as a')
    .where('a.tenant_id', '=', scope.auth.tenantId).where('a.object_type', '=', scope.object.key).where('a.record_id', '=', recordId);
  const [rows, count] = await Promise.all([
    base.leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.actor_id'))
      .select(['a.id', 'a.at', 'a.actor_id', 'u.name as actor_name', 'a.action', 'a.changes'])
      .orderBy('a.id', 'desc').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const names = await resolveNames(db, scope, rows.flatMap((r) => r.changes as FieldChange[]));
  const words = new ValueWords(scope, locale, names);
  const items: HistoryItem[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    action: r.action,
    changes: (r.changes as FieldChange[]).map((c) => ({
      field: c.field, label: words.label(c.field), old: c.old, new: c.new, oldText: words.text(c.field, c.old), newText: words.text(c.field, c.new),
    })),
  }));
  return { items, total: Number(count.n) };
}

type NameKey = `${string}:${string}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an id of a field points to: 'user', 'department' or a lookup's object. */
function target(field: EngineField | undefined, key: string): string | null {
  if (key === 'team') return 'user';
  if (!field) return null;
  if (field.type === 'user' || field.type === 'department') return field.type;
  return field.type === 'lookup' && field.lookup ? field.lookup : null;
}

/** Names of the users, departments and records the changes mention, one query per kind. */
async function resolveNames(db: DbOrTx, scope: RecordScope, changes: FieldChange[]): Promise<Map<NameKey, string>> {
  const wanted = new Map<string, Set<string>>();
  for (const change of changes) {
    const kind = target(scope.object.field(change.field), change.field);
    if (!kind) continue;
    for (const value of [change.old, change.new]) {
      const id = change.field === 'team' ? (value as { userId?: unknown } | null)?.userId : value;
      if (typeof id === 'string' && UUID.test(id)) wanted.set(kind, (wanted.get(kind) ?? new Set()).add(id));
    }
  }
  const names = new Map<NameKey, string>();
  const tenantId = scope.auth.tenantId;
  await Promise.all([...wanted].map(async ([kind, set]) => {
    const ids = [...set];
    let rows: { id: string; name: string }[] = [];
    if (kind === 'user' || kind === 'department') {
      rows = await db.selectFrom(kind === 'user' ? 'users' : 'departments').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
    } else {
      const object = standardObject(kind);
      const column = object?.fields.find((f) => f.key === object.nameField)?.column;
      if (!object || !column) return;
      // Names only, as list pages show a lookup's name (records/display.ts).
      rows = (await sql<{ id: string; name: string }>`SELECT id, ${sql.ref(column)}::text AS name FROM ${sql.table(object.table)}
        WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${ids}::uuid[])`.execute(db)).rows;
    }
    for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
  }));
  return names;
}

/** Turns stored values into words in the caller's language. */
class ValueWords {
  private readonly dateTime: Intl.DateTimeFormat;
  constructor(private readonly scope: RecordScope, private readonly locale: Locale, private readonly names: Map<NameKey, string>) {
    // Swedish formatting is ISO-like ("2024-05-01 10:00"), the form Chinese business software shows.
    this.dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: scope.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  }

  label(key: string): string {
    const field = this.scope.object.field(key);
    if (field) return this.locale === 'en-US' ? field.label.en : field.label.zh;
    return EVENT_FIELDS.has(key) || key === 'id' ? t(this.locale, `history.field.${key}`) : key;
  }

  text(key: string, value: unknown): string | null {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
    const field = this.scope.object.field(key);
    if (!field) return this.eventText(key, value);
    const kind = target(field, key);
    if (kind) return typeof value === 'string' ? this.names.get(`${kind}:${value}`) ?? value : String(value);
    switch (field.type) {
      case 'picklist': return this.option(field, value);
      case 'multipicklist': return Array.isArray(value) ? value.map((v) => this.option(field, v)).join('、') : String(value);
      case 'boolean': return t(this.locale, value ? 'history.yes' : 'history.no');
      case 'datetime': return this.time(value);
      case 'region': return typeof value === 'object' ? Object.values(value as Record<string, string>).join(' ') : String(value);
      default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }

  private option(field: EngineField, value: unknown): string {
    const option = field.options?.find((o) => o.value === value);
    return option ? (this.locale === 'en-US' ? option.label.en : option.label.zh) : String(value);
  }

  private time(value: unknown): string {
    const date = new Date(String(value));
    return Number.isNaN(date.getTime()) ? String(value) : this.dateTime.format(date);
  }

  /** Values of the tabs' events: a team seat, a posted activity, a task, a document. */
  private eventText(key: string, value: unknown): string {
    if (typeof value !== 'object' || value === null) return String(value);
    const v = value as Record<string, unknown>;
    if (key === 'team') {
      const name = typeof v.userId === 'string' ? this.names.get(`user:${v.userId}`) ?? v.userId : '';
      return `${name}（${t(this.locale, v.access === 'write' ? 'history.access.write' : 'history.access.read')}）`;
    }
    const words = [v.type, v.subject, v.fileName, v.excerpt].filter((w): w is string => typeof w === 'string' && w !== '');
    return words.length ? words.join(' · ') : JSON.stringify(value);
  }
}
