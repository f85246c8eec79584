import type { ColumnType, Generated } from 'kysely';
import type { FillRule } from '../registry/registry.types';

/** Kysely's view of the 工商信息 tables (0015_business_registry.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type RegistryProviderKind = 'off' | 'offline' | 'http';

export interface RegistrySettingsTable {
  tenant_id: string;
  provider: Generated<RegistryProviderKind>;
  http_url: string | null;
  http_key: string | null;
  fill: ColumnType<FillRule[], string | undefined, string>;
  data_source: 'sample' | 'file' | null;
  data_file_name: string | null;
  data_loaded_at: NullableTimestamp;
  data_loaded_by: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RegistryCompaniesTable {
  tenant_id: string;
  credit_code: string;
  name: string;
  name_folded: Generated<string>;
  name_key: Generated<string | null>;
  legal_representative: string | null;
  registered_capital: string | null;
  established_on: string | null;
  status: string | null;
  company_type: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  industry: string | null;
  business_scope: string | null;
}

declare module './schema' {
  interface DB {
    registry_settings: RegistrySettingsTable;
    registry_companies: RegistryCompaniesTable;
  }
}
