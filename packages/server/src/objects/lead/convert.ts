import { sql } from 'kysely';
import { writeEvent } from '../../records/events';
import type { Tx } from '../../db/database';
import type { FieldChange } from '../../db/schema';
import type { AuthContext } from '../../platform/auth/context';
import { AppError, invalid } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import { insertRecord } from '../../records/create-record';
import { findRow } from '../../records/read';
import { openScope, type RecordScope } from '../../records/scope';
import { auditRecord } from '../../records/write-helpers';
import { conversionTargets, isConverted } from './convert-preview';
import type { ConvertInput, ConvertResult, ConvertSection } from './convert.types';
import { findAccountNamed, suggestConversion, type LeadRow } from './suggest';
import './messages';

const CONVERTED = '已转换';

/**
 * 转为客户 (§3.3.7), in the caller's transaction: the account (new, or merged into an existing one
 * the caller may read: chosen with 合并已有客户, or named exactly as the new one would be), the contact
 * (always), the opportunity (when asked); then the lead turns 已转换 with links to them, its 动态 move
 * to the account, and the operation log and the event log record it. Any refusal undoes it all.
 */
export async function convertLead(tx: Tx, auth: AuthContext, leadId: string, input: ConvertInput, requestId?: string): Promise<ConvertResult> {
  const leadScope = await openScope(tx, auth, 'lead', requestId);
  const lead = await findRow(tx, leadScope, leadId, 'write', true) as LeadRow;
  if (isConverted(lead)) throw new AppError(409, 'already_converted', 'lead.convert.already_converted');

  const targets = await conversionTargets(tx, leadScope);
  // One viewer for all four objects: visibility is read once per conversion.
  const scopeOf = (section: ConvertSection): RecordScope => ({ ...leadScope, object: targets[section] });
  const suggested = await suggestConversion(tx, leadScope, lead, targets);
  const section = inSection(auth);

  let account: { id: string; name: string };
  let merged = true;
  const accountValues = { ...suggested.account.values, ...input.account.values };
  if (input.account.mergeInto) {
    const row = await findRow(tx, scopeOf('account'), input.account.mergeInto, 'read');
    account = { id: row.id as string, name: row.name as string };
  } else {
    const named = typeof accountValues.name === 'string' ? await findAccountNamed(tx, scopeOf('account'), accountValues.name) : null;
    if (named) {
      account = named;
    } else {
      merged = false;
      const made = await section('account', async () => {
        const record = await insertRecord(tx, scopeOf('account'), accountValues);
        // The contact links to this account: one the converter could not open would be refused
        // there as "not found", so say what is wrong instead.
        if (!(await canReadRow(tx, scopeOf('account'), record.id as string))) {
          throw invalid('lead.convert.owner_not_visible', {}, [{ field: 'ownerId', reason: 'owner_not_visible' }]);
        }
        return record;
      });
      account = { id: made.id as string, name: made.name as string };
    }
  }

  const madeContact = await section('contact', () =>
    insertRecord(tx, scopeOf('contact'), { ...suggested.contact.values, ...input.contact.values, accountId: account.id }));
  const contact = { id: madeContact.id as string, name: madeContact.name as string };

  let opportunity: { id: string; name: string } | null = null;
  if (input.opportunity) {
    const values = { ...suggested.opportunity.values, ...input.opportunity.values, accountId: account.id };
    const made = await section('opportunity', () => insertRecord(tx, scopeOf('opportunity'), values));
    opportunity = { id: made.id as string, name: made.name as string };
    await linkOpportunityToLead(tx, scopeOf('opportunity'), made, lead);
  }

  const updated = await markConverted(tx, leadScope, lead, { account: account.id, contact: contact.id, opportunity: opportunity?.id ?? null });
  const movedActivities = await moveActivities(tx, auth.tenantId, lead, account.id);
  await writeEvent(tx, {
    tenantId: auth.tenantId, object: 'lead', recordId: lead.id, kind: 'convert', actorId: auth.userId,
    fromOwnerId: lead.owner_id as string | null, toOwnerId: lead.owner_id as string | null,
    fromGroupId: lead.pool_group_id as string | null, toGroupId: lead.pool_group_id as string | null,
    detail: { accountId: account.id, contactId: contact.id, opportunityId: opportunity?.id ?? null, merged },
  });

  return {
    lead: { id: lead.id, version: updated.version, status: CONVERTED, convertedAt: updated.converted_at.toISOString() },
    account: { ...account, merged }, contact, opportunity, movedActivities,
  };
}

const canReadRow = (tx: Tx, scope: RecordScope, id: string) => findRow(tx, scope, id, 'read').then(() => true, () => false);

/**
 * 来源线索 and 市场活动 are not fields a user writes (the first is read-only, and the lead's campaign
 * may be one the converter cannot open), so they are set here, from the lead, and logged.
 */
async function linkOpportunityToLead(tx: Tx, scope: RecordScope, opportunity: Record<string, unknown>, lead: LeadRow) {
  const campaignId = (opportunity.campaignId as string | null) ?? (lead.campaign_id as string | null) ?? null;
  await sql`UPDATE opportunities SET lead_id = ${lead.id}::uuid, campaign_id = ${campaignId}::uuid
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${opportunity.id as string}::uuid`.execute(tx);
  const changes: FieldChange[] = [{ field: 'leadId', old: null, new: lead.id }];
  if (campaignId !== ((opportunity.campaignId as string | null) ?? null)) changes.push({ field: 'campaignId', old: null, new: campaignId });
  await auditRecord(tx, scope, opportunity.id as string, 'convert', changes);
}

/**
 * 已转换 is a disabled option no user may choose, so the engine's validated update would refuse
 * it: the conversion writes it directly, with the links, a new version and the operation log.
 */
async function markConverted(tx: Tx, scope: RecordScope, lead: LeadRow, links: { account: string; contact: string; opportunity: string | null }) {
  const { rows } = await sql<{ version: number; converted_at: Date }>`UPDATE leads
    SET status = ${CONVERTED}, converted_at = now(), converted_account_id = ${links.account}::uuid,
        converted_contact_id = ${links.contact}::uuid, converted_opportunity_id = ${links.opportunity}::uuid,
        version = version + 1, updated_by = ${scope.auth.userId}::uuid, updated_at = now()
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${lead.id}::uuid
    RETURNING version, converted_at`.execute(tx);
  const updated = rows[0]!;
  const changes: FieldChange[] = [
    { field: 'status', old: lead.status ?? null, new: CONVERTED },
    { field: 'convertedAt', old: null, new: updated.converted_at.toISOString() },
    { field: 'convertedAccountId', old: null, new: links.account },
    { field: 'convertedContactId', old: null, new: links.contact },
    ...(links.opportunity ? [{ field: 'convertedOpportunityId', old: null, new: links.opportunity }] : []),
  ];
  await auditRecord(tx, scope, lead.id, 'convert', changes);
  return updated;
}

/** The lead's 动态 now belong to the account, so its history follows it; so does its 最新活动记录时间. */
async function moveActivities(tx: Tx, tenantId: string, lead: LeadRow, accountId: string): Promise<number> {
  const moved = await tx.updateTable('activities').set({ related_object: 'account', related_id: accountId })
    .where('tenant_id', '=', tenantId).where('related_object', '=', 'lead').where('related_id', '=', lead.id).executeTakeFirst();
  if (lead.last_activity_at) {
    await sql`UPDATE accounts SET last_activity_at = GREATEST(last_activity_at, ${lead.last_activity_at as Date}::timestamptz)
      WHERE tenant_id = ${tenantId}::uuid AND id = ${accountId}::uuid`.execute(tx);
  }
  return Number(moved.numUpdatedRows);
}

/**
 * Three forms share field keys (名称 is in each), so a refused value says which section it is in:
 * the message names the section and every detail carries `section`.
 */
function inSection(auth: AuthContext) {
  return async <T>(section: ConvertSection, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      const details = Array.isArray(error.details)
        ? (error.details as Record<string, unknown>[]).map((d) => ({ ...d, section }))
        : [{ section, reason: error.code }];
      throw new AppError(400, error.code, 'lead.convert.section_invalid', {
        section: t(auth.locale, `lead.convert.section.${section}`),
        message: t(auth.locale, error.messageKey, error.params),
      }, details);
    }
  };
}
