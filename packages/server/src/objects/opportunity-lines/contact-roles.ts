import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database';
import { AppError, invalid } from '../../platform/http/errors';
import { insertRecord } from '../../records/create-record';
import { openScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { assertUuid } from '../../records/values';
import { canRead } from '../../records/visibility';
import { CONTACT_ROLES, type ContactRole } from './lines.types';
import { logChanges, mayWrite, type OpportunityAccess } from './opportunity-access';
import './messages';

interface ContactRow {
  contactId: string;
  name: string;
  title: string | null;
  dept: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  accountId: string;
  role: ContactRole;
  remark: string | null;
}

/** The linked contacts the caller may read (the contact's own visibility applies), in the chain's order. */
async function linkedContacts(db: DbOrTx, { scope, row }: OpportunityAccess, contactId?: string, lock = false): Promise<ContactRow[]> {
  const contacts = await openScope(db, scope.auth, 'contact');
  const { rows } = await sql<ContactRow>`
    SELECT ${sql.ref(`${R}.id`)} AS "contactId", ${sql.ref(`${R}.name`)}, ${sql.ref(`${R}.title`)}, ${sql.ref(`${R}.dept`)},
      ${sql.ref(`${R}.mobile`)}, ${sql.ref(`${R}.phone`)}, ${sql.ref(`${R}.email`)}, ${sql.ref(`${R}.account_id`)} AS "accountId", oc.role, oc.remark
    FROM opportunity_contacts oc JOIN contacts AS ${sql.ref(R)} ON ${sql.ref(`${R}.tenant_id`)} = oc.tenant_id AND ${sql.ref(`${R}.id`)} = oc.contact_id
    WHERE oc.tenant_id = ${scope.auth.tenantId}::uuid AND oc.opportunity_id = ${row.id as string}::uuid
      ${contactId ? sql`AND oc.contact_id = ${contactId}::uuid` : sql``}
      AND ${canRead(contacts.object, contacts.viewer)}
    ORDER BY array_position(${[...CONTACT_ROLES]}::text[], oc.role), ${sql.ref(`${R}.name`)}
    ${lock ? sql`FOR UPDATE OF oc` : sql``}`.execute(db);
  return rows;
}

/** 联系人 of an opportunity with their roles: the decision chain. */
export async function listContacts(db: DbOrTx, access: OpportunityAccess) {
  const rows = await linkedContacts(db, access);
  const all = await db.selectFrom('opportunity_contacts').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', access.scope.auth.tenantId).where('opportunity_id', '=', access.row.id as string).executeTakeFirstOrThrow();
  return {
    items: rows.map(({ accountId: _a, ...c }) => c),
    hidden: Number(all.n) - rows.length,
    roles: [...CONTACT_ROLES],
    canWrite: await mayWrite(db, access),
  };
}

const logged = (c: { contactId: string; name: string }, role: string, remark: string | null) =>
  ({ contactId: c.contactId, role, remark, subject: c.name, excerpt: role });

async function link(tx: Tx, access: OpportunityAccess, contact: { contactId: string; name: string }, role: ContactRole, remark: string | null) {
  const { scope, row } = access;
  const inserted = await tx.insertInto('opportunity_contacts')
    .values({ tenant_id: scope.auth.tenantId, opportunity_id: row.id as string, contact_id: contact.contactId, role, remark, added_by: scope.auth.userId })
    .onConflict((oc) => oc.doNothing()).returning('contact_id').executeTakeFirst();
  if (!inserted) throw new AppError(409, 'contact_already', 'opportunityLines.contact_already');
  await logChanges(tx, access, 'contact_add', [{ field: 'contacts', old: null, new: logged(contact, role, remark) }]);
}

/** 从客户的联系人中选择: a contact of the opportunity's account that the caller may see. */
export async function addContact(tx: Tx, access: OpportunityAccess, input: { contactId: string; role: ContactRole; remark?: string | null }) {
  const contacts = await openScope(tx, access.scope.auth, 'contact');
  const { rows } = await sql<{ contactId: string; name: string; accountId: string }>`
    SELECT ${sql.ref(`${R}.id`)} AS "contactId", ${sql.ref(`${R}.name`)}, ${sql.ref(`${R}.account_id`)} AS "accountId"
    FROM contacts AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${access.scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${input.contactId}::uuid
      AND ${canRead(contacts.object, contacts.viewer)}`.execute(tx);
  const contact = rows[0];
  if (!contact) throw invalid('opportunityLines.contact_unknown', {}, [{ field: 'contactId', reason: 'bad_reference' }]);
  if (contact.accountId !== access.row.account_id) throw invalid('opportunityLines.contact_other_account', {}, [{ field: 'contactId', reason: 'other_account' }]);
  await link(tx, access, contact, input.role, input.remark || null);
}

/**
 * 在销售机会下新建联系人: made through the record engine (validation, owner, operation log) on the
 * opportunity's account — a contact always belongs to an account — then linked with its role.
 */
export async function createContact(tx: Tx, access: OpportunityAccess, input: { contact: Record<string, unknown>; role: ContactRole; remark?: string | null }) {
  const accountId = access.row.account_id as string;
  const given = input.contact.accountId;
  if (given !== undefined && given !== null && given !== '' && String(given).toLowerCase() !== accountId) {
    throw invalid('opportunityLines.contact_other_account', {}, [{ field: 'accountId', reason: 'other_account' }]);
  }
  const scope = await openScope(tx, access.scope.auth, 'contact', access.scope.requestId);
  const record = await insertRecord(tx, scope, { ...input.contact, accountId });
  await link(tx, access, { contactId: record.id as string, name: record.name as string }, input.role, input.remark || null);
  return record.id as string;
}

/** Changes a linked contact's role or remark. */
export async function changeContact(tx: Tx, access: OpportunityAccess, contactId: string, change: { role?: ContactRole; remark?: string | null }) {
  assertUuid(contactId);
  const [before] = await linkedContacts(tx, access, contactId, true);
  if (!before) throw new AppError(404, 'not_found', 'opportunityLines.contact_not_linked');
  const role = change.role ?? before.role;
  const remark = change.remark === undefined ? before.remark : change.remark || null;
  if (role === before.role && remark === before.remark) return;
  await tx.updateTable('opportunity_contacts').set({ role, remark })
    .where('tenant_id', '=', access.scope.auth.tenantId).where('opportunity_id', '=', access.row.id as string).where('contact_id', '=', contactId).execute();
  await logChanges(tx, access, 'contact_update', [{ field: 'contacts', old: logged(before, before.role, before.remark), new: logged(before, role, remark) }]);
}

/** Takes a contact off the opportunity (the contact stays with its account). */
export async function removeContact(tx: Tx, access: OpportunityAccess, contactId: string) {
  assertUuid(contactId);
  const [before] = await linkedContacts(tx, access, contactId, true);
  if (!before) throw new AppError(404, 'not_found', 'opportunityLines.contact_not_linked');
  await tx.deleteFrom('opportunity_contacts')
    .where('tenant_id', '=', access.scope.auth.tenantId).where('opportunity_id', '=', access.row.id as string).where('contact_id', '=', contactId).execute();
  await logChanges(tx, access, 'contact_remove', [{ field: 'contacts', old: logged(before, before.role, before.remark), new: null }]);
}
