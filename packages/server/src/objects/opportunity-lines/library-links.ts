import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database';
import { AppError, invalid } from '../../platform/http/errors';
import { assertUuid } from '../../records/values';
import type { LinkKind } from './lines.types';
import { logChanges, mayWrite, type OpportunityAccess } from './opportunity-access';
import './messages';

/** Where each library lives and which of its columns the related list shows beside the name. */
const KINDS = {
  partner: { links: 'opportunity_partners', column: 'partner_id', library: 'partners', field: 'partners', details: { type: 'type', phone: 'phone' } },
  competitor: { links: 'opportunity_competitors', column: 'competitor_id', library: 'competitors', field: 'competitors', details: { strengths: 'strengths', weaknesses: 'weaknesses' } },
} as const;

interface LinkRow {
  id: string;
  name: string;
  note: string | null;
  added_at: Date;
  [detail: string]: unknown;
}

async function linkRows(db: DbOrTx, kind: LinkKind, { scope, row }: OpportunityAccess, targetId?: string): Promise<LinkRow[]> {
  const k = KINDS[kind];
  const details = Object.entries(k.details).map(([key, column]) => sql`t.${sql.ref(column)} AS ${sql.ref(key)}`);
  const { rows } = await sql<LinkRow>`
    SELECT t.id, t.name, l.note, l.added_at, ${sql.join(details)}
    FROM ${sql.table(k.links)} l JOIN ${sql.table(k.library)} t ON t.tenant_id = l.tenant_id AND t.id = l.${sql.ref(k.column)}
    WHERE l.tenant_id = ${scope.auth.tenantId}::uuid AND l.opportunity_id = ${row.id as string}::uuid
      ${targetId ? sql`AND l.${sql.ref(k.column)} = ${targetId}::uuid` : sql``}
    ORDER BY l.added_at, t.name`.execute(db);
  return rows;
}

/** 合作伙伴 / 竞争对手 of an opportunity: the library's entries picked for it, each with its note here. */
export async function listLinks(db: DbOrTx, kind: LinkKind, access: OpportunityAccess) {
  const rows = await linkRows(db, kind, access);
  return {
    items: rows.map((r) => ({
      id: r.id, name: r.name, note: r.note, addedAt: r.added_at.toISOString(),
      details: Object.fromEntries(Object.keys(KINDS[kind].details).map((key) => [key, (r[key] as string | null) ?? null])),
    })),
    canWrite: await mayWrite(db, access),
  };
}

const logged = (target: { id: string; name: string }, note: string | null) => ({ id: target.id, note, subject: target.name, excerpt: note ?? '' });

/** Picks an entry of the library for the opportunity. */
export async function addLink(tx: Tx, kind: LinkKind, access: OpportunityAccess, input: { targetId: string; note?: string | null }) {
  const k = KINDS[kind];
  const { scope, row } = access;
  const target = (await sql<{ id: string; name: string }>`SELECT id, name FROM ${sql.table(k.library)}
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${input.targetId}::uuid FOR SHARE`.execute(tx)).rows[0];
  if (!target) throw invalid(`opportunityLines.${kind}.unknown`, {}, [{ field: 'targetId', reason: 'bad_reference' }]);
  const note = input.note || null;
  const { rows } = await sql`INSERT INTO ${sql.table(k.links)} (tenant_id, opportunity_id, ${sql.ref(k.column)}, note, added_by)
    VALUES (${scope.auth.tenantId}::uuid, ${row.id as string}::uuid, ${target.id}::uuid, ${note}, ${scope.auth.userId}::uuid)
    ON CONFLICT DO NOTHING RETURNING 1`.execute(tx);
  if (rows.length === 0) throw new AppError(409, 'link_already', `opportunityLines.${kind}.already`);
  await logChanges(tx, access, `${kind}_add`, [{ field: k.field, old: null, new: logged(target, note) }]);
}

/** Changes the note on a picked entry (the competitor's strengths here, our strategy). */
export async function changeLink(tx: Tx, kind: LinkKind, access: OpportunityAccess, targetId: string, note: string | null) {
  const before = await lockedLink(tx, kind, access, targetId);
  const next = note || null;
  if (next === before.note) return;
  const k = KINDS[kind];
  await sql`UPDATE ${sql.table(k.links)} SET note = ${next}
    WHERE tenant_id = ${access.scope.auth.tenantId}::uuid AND opportunity_id = ${access.row.id as string}::uuid AND ${sql.ref(k.column)} = ${targetId}::uuid`.execute(tx);
  await logChanges(tx, access, `${kind}_update`, [{ field: k.field, old: logged(before, before.note), new: logged(before, next) }]);
}

/** Takes an entry off the opportunity (it stays in the library). */
export async function removeLink(tx: Tx, kind: LinkKind, access: OpportunityAccess, targetId: string) {
  const before = await lockedLink(tx, kind, access, targetId);
  const k = KINDS[kind];
  await sql`DELETE FROM ${sql.table(k.links)}
    WHERE tenant_id = ${access.scope.auth.tenantId}::uuid AND opportunity_id = ${access.row.id as string}::uuid AND ${sql.ref(k.column)} = ${targetId}::uuid`.execute(tx);
  await logChanges(tx, access, `${kind}_remove`, [{ field: k.field, old: logged(before, before.note), new: null }]);
}

async function lockedLink(tx: Tx, kind: LinkKind, access: OpportunityAccess, targetId: string) {
  assertUuid(targetId);
  // The opportunity row is locked for the action, so the link cannot change under us.
  const [link] = await linkRows(tx, kind, access, targetId);
  if (!link) throw new AppError(404, 'not_found', `opportunityLines.${kind}.not_linked`);
  return link;
}
