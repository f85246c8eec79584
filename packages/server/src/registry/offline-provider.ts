import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { RegistryCompaniesTable } from '../db/schema-registry';
import { foldName, type RegistryProvider } from './provider';
import type { RegistryCompany, Suggestion } from './registry.types';

/** Rows each way of matching contributes before ranking: a common word never sorts the whole registry. */
const CANDIDATES = 200;
/** From three characters a word is looked for anywhere in the name (trigram index); shorter ones at the start. */
const LONG = 3;
/** The deadline a query runs under inside the database, beside the caller's own. */
const STATEMENT_TIMEOUT_MS = 3000;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function rowToCompany(row: Omit<RegistryCompaniesTable, 'tenant_id' | 'name_folded' | 'name_key'>): RegistryCompany {
  return {
    creditCode: row.credit_code, name: row.name, legalRepresentative: row.legal_representative, registeredCapital: row.registered_capital,
    establishedOn: row.established_on, status: row.status, companyType: row.company_type, province: row.province, city: row.city,
    district: row.district, address: row.address, phone: row.phone, email: row.email, website: row.website, industry: row.industry,
    businessScope: row.business_scope,
  };
}

interface SuggestionRow {
  credit_code: string;
  name: string;
  legal_representative: string | null;
  status: string | null;
  address: string | null;
  established_on: string | null;
  tier: number;
}

/**
 * The registry data file loaded in 系统设置 (or the bundled sample), in registry_companies. A
 * keyword matches the start of a name ("杭州恒通"), the start of its company key, the name
 * without city and legal form ("恒通" finds 杭州恒通网络科技有限公司, as 查重 compares names), a
 * word anywhere from three characters ("网络科技"), or the start of a credit code. Further words
 * separated by spaces must each appear in the name.
 */
export function offlineProvider(db: Db, tenantId: string): RegistryProvider {
  const bounded = <T>(run: (tx: Tx) => Promise<T>) => db.transaction().execute(async (tx) => {
    await sql`SET LOCAL statement_timeout = ${sql.lit(STATEMENT_TIMEOUT_MS)}`.execute(tx);
    return run(tx);
  });

  return {
    async search(keyword, limit) {
      const terms = keyword.split(/\s+/).map(foldName).filter(Boolean);
      const [first, ...rest] = terms;
      if (!first) return [];
      const phrase = terms.join('');
      // A further word of three characters narrows through the trigram index; a shorter one has no
      // trigram and only filters the candidates (as LIKE, the planner would scan the whole index for it).
      const others: RawBuilder<SqlBool>[] = rest.map((t) => ([...t].length >= LONG
        ? sql<SqlBool>`name_folded LIKE ${`%${escapeLike(t)}%`}`
        : sql<SqlBool>`strpos(name_folded, ${t}) > 0`));
      const branch = (match: RawBuilder<SqlBool>) => sql`(SELECT credit_code, name, name_folded, name_key, legal_representative, status, address, established_on
        FROM registry_companies WHERE tenant_id = ${tenantId}::uuid AND ${match}${others.length ? sql` AND ${sql.join(others, sql` AND `)}` : sql``}
        LIMIT ${CANDIDATES})`;
      const branches = [
        branch(sql`name_folded LIKE ${`${escapeLike(first)}%`}`),
        branch(sql`name_key LIKE (company_name_key(${first}) || '%')`),
      ];
      if ([...first].length >= LONG) branches.push(branch(sql`name_folded LIKE ${`%${escapeLike(first)}%`}`));
      if (/^[0-9a-z]{4,18}$/.test(first)) branches.push(branch(sql`credit_code LIKE ${`${first.toUpperCase()}%`}`));
      const rows = await bounded(async (tx) => (await sql<SuggestionRow>`SELECT credit_code, name, legal_representative, status, address, established_on,
          CASE WHEN name_folded = ${phrase} THEN 0 WHEN name_folded LIKE ${`${escapeLike(first)}%`} THEN 1
               WHEN name_key LIKE (company_name_key(${first}) || '%') THEN 2 ELSE 3 END AS tier
        FROM (${sql.join(branches, sql` UNION `)}) AS c
        ORDER BY tier, char_length(name), name
        LIMIT ${limit}`.execute(tx)).rows);
      return rows.map((r): Suggestion => ({
        creditCode: r.credit_code, name: r.name, legalRepresentative: r.legal_representative, status: r.status, address: r.address, establishedOn: r.established_on,
      }));
    },

    async get(creditCode) {
      const row = await bounded((tx) => tx.selectFrom('registry_companies')
        .select(['credit_code', 'name', 'legal_representative', 'registered_capital', 'established_on', 'status', 'company_type', 'province', 'city',
          'district', 'address', 'phone', 'email', 'website', 'industry', 'business_scope'])
        .where('tenant_id', '=', tenantId).where('credit_code', '=', creditCode.trim().toUpperCase())
        .executeTakeFirst());
      return row ? rowToCompany(row) : null;
    },
  };
}
