import { sql } from 'kysely';
import type { Locale } from '@yixiao/core';
import type { Tx } from '../../db/database';
import { diffFields, writeAudit } from '../audit/audit';
import { versionConflict } from '../http/errors';

/** Who changes their own settings, and the request to log it under. */
export interface Actor {
  tenantId: string;
  userId: string;
  requestId: string;
}

/** The fields of users a person manages themselves (§2.2); name, department and roles are the administrator's. */
export interface PersonalFields {
  title: string | null;
  resume: string | null;
  locale: Locale;
  avatar_file_id: string | null;
  menu: string[] | null;
  email_subscriptions: Record<string, boolean>;
  email: string | null;
  email_verified_at: Date | null;
  mobile: string | null;
  mobile_verified_at: Date | null;
}
const PERSONAL_FIELDS = [
  'title', 'resume', 'locale', 'avatar_file_id', 'menu', 'email_subscriptions', 'email', 'email_verified_at', 'mobile', 'mobile_verified_at',
] as const satisfies readonly (keyof PersonalFields)[];

/** Reads and locks the user's row, so concurrent changes to it happen one after the other. */
export async function lockMyUser(tx: Tx, actor: Pick<Actor, 'tenantId' | 'userId'>) {
  return tx
    .selectFrom('users')
    .select([...PERSONAL_FIELDS, 'name', 'version', 'status'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', actor.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * Applies a change to the user's own settings with its operation-log entry; `expectedVersion`,
 * when the client sent one, turns a stale edit into 409. Answers the row as it was before.
 */
export async function updateMyUser(tx: Tx, actor: Actor, changes: Partial<PersonalFields>, action: string, expectedVersion?: number) {
  const before = await lockMyUser(tx, actor);
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionConflict();
  const changed = diffFields(before, changes, PERSONAL_FIELDS);
  if (changed.length === 0) return before;

  const { menu, email_subscriptions, ...plain } = changes;
  await tx
    .updateTable('users')
    .set({
      ...plain,
      // JSON columns travel as text; a null menu means "the default menu".
      ...(menu !== undefined ? { menu: menu === null ? sql<string>`NULL` : JSON.stringify(menu) } : {}),
      ...(email_subscriptions !== undefined ? { email_subscriptions: JSON.stringify(email_subscriptions) } : {}),
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', actor.userId)
    .execute();
  await writeAudit(tx, {
    tenantId: actor.tenantId, actorId: actor.userId, objectType: 'user', recordId: actor.userId, action, changes: changed, requestId: actor.requestId,
  });
  return before;
}
