import type { ColumnType } from 'kysely';
import type { RuleField } from '../dedupe/rules';

/** Kysely's view of the dedupe tables (0012_dedupe_search.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DedupeRulesTable {
  tenant_id: string;
  object: string;
  enabled: boolean;
  fields: ColumnType<RuleField[], string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

declare module './schema' {
  interface DB {
    dedupe_rules: DedupeRulesTable;
  }
}
