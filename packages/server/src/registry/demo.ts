import { sql } from 'kysely';
import type { Db } from '../db/database';
import { replaceCompanies } from './load-data';
import type { RegistryCompany } from './registry.types';
import { generateSampleCompanies, sampleCompanyNamed } from './sample-generator';

/**
 * The demo company looks companies up offline, in the bundled sample, which also holds a
 * registration for each company name its accounts and leads carry, so their 工商信息 tabs show one.
 * Seeding reads the company's names without a viewer: no user acts, nothing is shown.
 */
export async function seedDemoRegistry(db: Db, tenantId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM accounts WHERE tenant_id = ${tenantId}::uuid
      UNION SELECT company_name FROM leads WHERE tenant_id = ${tenantId}::uuid AND company_name IS NOT NULL`.execute(tx);
    const companies = new Map<string, RegistryCompany>();
    const names = new Set<string>();
    for (const c of generateSampleCompanies()) {
      companies.set(c.creditCode, c);
      names.add(c.name);
    }
    for (const { name } of rows) {
      const c = sampleCompanyNamed(name);
      if (!names.has(name) && !companies.has(c.creditCode)) companies.set(c.creditCode, c);
    }
    await replaceCompanies(tx, tenantId, null, [...companies.values()], { source: 'sample', fileName: null });
    await tx.updateTable('registry_settings').set({ provider: 'offline', updated_at: new Date() }).where('tenant_id', '=', tenantId).execute();
  });
}
