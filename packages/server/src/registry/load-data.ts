import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { writeAudit } from '../platform/audit/audit';
import type { RegistryCompany } from './registry.types';
import { generateSampleCompanies } from './sample-generator';

/** Rows per INSERT: 16 columns each, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

export interface LoadSource {
  source: 'sample' | 'file';
  fileName: string | null;
}

/**
 * Replaces a company's offline registry with these companies, in the caller's transaction: until it
 * commits, suggestions keep answering from the previous data, and a failure leaves it untouched.
 */
export async function replaceCompanies(tx: Tx, tenantId: string, userId: string | null, companies: RegistryCompany[], from: LoadSource): Promise<number> {
  await tx.deleteFrom('registry_companies').where('tenant_id', '=', tenantId).execute();
  for (let i = 0; i < companies.length; i += CHUNK) {
    await tx.insertInto('registry_companies').values(companies.slice(i, i + CHUNK).map((c) => ({
      tenant_id: tenantId, credit_code: c.creditCode, name: c.name, legal_representative: c.legalRepresentative,
      registered_capital: c.registeredCapital, established_on: c.establishedOn, status: c.status, company_type: c.companyType,
      province: c.province, city: c.city, district: c.district, address: c.address, phone: c.phone, email: c.email,
      website: c.website, industry: c.industry, business_scope: c.businessScope,
    }))).execute();
  }
  const loaded = { data_source: from.source, data_file_name: from.fileName, data_loaded_at: sql<Date>`now()`, data_loaded_by: userId };
  await tx.insertInto('registry_settings').values({ tenant_id: tenantId, ...loaded, updated_at: new Date() })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(loaded)).execute();
  await writeAudit(tx, {
    tenantId, actorId: userId, objectType: 'business_registry', recordId: 'data', action: 'load',
    changes: [{ field: 'data', old: null, new: { source: from.source, fileName: from.fileName, count: companies.length } }],
  });
  return companies.length;
}

/** The bundled sample (sample-generator.ts) as the company's offline registry. */
export const loadSample = (tx: Tx, tenantId: string, userId: string | null) =>
  replaceCompanies(tx, tenantId, userId, generateSampleCompanies(), { source: 'sample', fileName: null });

/** Empties the offline registry. */
export async function clearCompanies(tx: Tx, tenantId: string, userId: string): Promise<void> {
  await tx.deleteFrom('registry_companies').where('tenant_id', '=', tenantId).execute();
  await tx.updateTable('registry_settings').set({ data_source: null, data_file_name: null, data_loaded_at: null, data_loaded_by: null })
    .where('tenant_id', '=', tenantId).execute();
  await writeAudit(tx, { tenantId, actorId: userId, objectType: 'business_registry', recordId: 'data', action: 'clear', changes: [] });
}
