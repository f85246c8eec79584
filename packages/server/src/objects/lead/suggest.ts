import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { EngineObject } from '../../metadata/registry';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { coerceValue } from '../../records/values';
import { canRead } from '../../records/visibility';
import type { ConvertSection } from './convert.types';

export type LeadRow = Record<string, unknown> & { id: string; name: string; company_name: string };
export type Targets = Record<ConvertSection, EngineObject>;
export interface Suggestion { values: Record<string, unknown>; display: Record<string, string> }

/** Which lead column feeds which field of the records a conversion makes (§3.3.7: 客户名称 = 公司名称, the person becomes the contact). */
const FROM_LEAD: Record<ConvertSection, Record<string, string>> = {
  account: { name: 'company_name', industry: 'industry', address: 'address' },
  contact: { name: 'name', gender: 'gender', mobile: 'mobile', phone: 'phone', email: 'email', title: 'title' },
  opportunity: { name: 'company_name' },
};
const CONVERTED_SOURCE = '线索转化';

/**
 * What the conversion dialog starts from: the lead's values copied to the matching fields, 来源 =
 * 线索转化, and the lead's owner as owner. A value the company's metadata would refuse (a retired
 * field, a disabled option) is left out, so suggestions never fail a conversion the user did not touch.
 */
export async function suggestConversion(db: DbOrTx, scope: RecordScope, lead: LeadRow, targets: Targets): Promise<Record<ConvertSection, Suggestion>> {
  const owner = await suggestedOwner(db, scope, lead);
  const suggest = (section: ConvertSection): Suggestion => {
    const object = targets[section];
    // The engine's defaults first (销售阶段 starts at 初步接洽), so the dialog shows what would be stored.
    const raw: Record<string, unknown> = Object.fromEntries(object.fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.key, f.defaultValue]));
    for (const [key, column] of Object.entries(FROM_LEAD[section])) raw[key] = lead[column];
    if (section !== 'contact') raw.source = CONVERTED_SOURCE;
    if (object.owned) raw.ownerId = owner.id;
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const field = object.field(key);
      if (!field || field.readOnly || field.retired || value === null || value === undefined) continue;
      const coerced = coerceValue(field, value);
      if ('value' in coerced && coerced.value !== null) values[key] = coerced.value;
    }
    return { values, display: 'ownerId' in values ? { ownerId: owner.name } : {} };
  };
  return { account: suggest('account'), contact: suggest('contact'), opportunity: suggest('opportunity') };
}

/**
 * The lead's owner while active (the one who followed it up), when the converter may see that
 * owner's records: a team member converting someone else's lead gets the records themself, or
 * they could not open (nor link the contact to) the account they just made.
 */
async function suggestedOwner(db: DbOrTx, scope: RecordScope, lead: LeadRow) {
  const { viewer, auth } = scope;
  const leadOwner = typeof lead.owner_id === 'string' ? lead.owner_id : null;
  const candidate = leadOwner && (viewer.isAdmin || leadOwner === auth.userId || viewer.subordinateIds.includes(leadOwner)) ? leadOwner : auth.userId;
  const user = await db.selectFrom('users').select(['id', 'name'])
    .where('tenant_id', '=', auth.tenantId).where('id', '=', candidate).where('status', '=', 'active').executeTakeFirst();
  return user ?? { id: auth.userId, name: auth.name };
}

/**
 * 客户已存在，系统将自动合并 (§3.3.7): the account the caller may read whose name is exactly this one
 * (the oldest, when several are).
 */
export async function findAccountNamed(db: DbOrTx, accountScope: RecordScope, name: string): Promise<{ id: string; name: string; owner_id: string | null } | null> {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const { rows } = await sql<{ id: string; name: string; owner_id: string | null }>`
    SELECT ${sql.ref(`${R}.id`)}, ${sql.ref(`${R}.name`)}, ${sql.ref(`${R}.owner_id`)} FROM accounts AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${accountScope.auth.tenantId}::uuid AND ${sql.ref(`${R}.name`)} = ${trimmed}
      AND ${canRead(accountScope.object, accountScope.viewer)}
    ORDER BY ${sql.ref(`${R}.created_at`)}, ${sql.ref(`${R}.id`)} LIMIT 1`.execute(db);
  return rows[0] ?? null;
}
