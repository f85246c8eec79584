import type { DbOrTx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import type { AuthContext } from '../../platform/auth/context';
import { findRow } from '../../records/read';
import { openScope, type RecordScope } from '../../records/scope';
import type { ConvertPreview } from './convert.types';
import { findAccountNamed, suggestConversion, type LeadRow, type Targets } from './suggest';

/** The objects a conversion makes, as the company configured them, seen by the lead's viewer. */
export async function conversionTargets(db: DbOrTx, leadScope: RecordScope): Promise<Targets> {
  const load = (key: string) => loadObject(db, leadScope.auth.tenantId, key);
  const [account, contact, opportunity] = await Promise.all([load('account'), load('contact'), load('opportunity')]);
  return { account, contact, opportunity };
}

export const isConverted = (lead: Record<string, unknown>) => lead.converted_at != null || lead.status === '已转换';

/** What the 转换销售线索 dialog opens with (§3.3.7): suggested values and the account it would merge into. */
export async function previewConversion(db: DbOrTx, auth: AuthContext, leadId: string): Promise<ConvertPreview> {
  const leadScope = await openScope(db, auth, 'lead');
  const lead = await findRow(db, leadScope, leadId, 'read') as LeadRow;
  const targets = await conversionTargets(db, leadScope);
  const suggested = await suggestConversion(db, leadScope, lead, targets);
  const existing = await findAccountNamed(db, { ...leadScope, object: targets.account }, lead.company_name);
  const ownerName = existing?.owner_id
    ? (await db.selectFrom('users').select('name').where('tenant_id', '=', auth.tenantId).where('id', '=', existing.owner_id).executeTakeFirst())?.name ?? null
    : null;
  return {
    lead: { id: lead.id, name: lead.name, companyName: lead.company_name, converted: isConverted(lead) },
    ...suggested,
    existingAccount: existing ? { id: existing.id, name: existing.name, ownerName } : null,
  };
}
