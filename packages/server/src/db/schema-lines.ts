import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the catalogue tree and the opportunity's related tables (0017_opportunity_lines.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: exact decimal strings both ways (db/database.ts keeps NUMERIC as text). */
type Decimal = ColumnType<string, string, string>;

export interface ProductCategoriesTable {
  tenant_id: string;
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OpportunityProductsTable {
  tenant_id: string;
  id: Generated<string>;
  opportunity_id: string;
  product_id: string;
  price: Decimal;
  quantity: Decimal;
  discount: Decimal;
  total: Decimal;
  remark: string | null;
  position: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface OpportunityContactsTable {
  tenant_id: string;
  opportunity_id: string;
  contact_id: string;
  role: string;
  remark: string | null;
  added_by: string | null;
  added_at: Timestamp;
}

export interface OpportunityPartnersTable {
  tenant_id: string;
  opportunity_id: string;
  partner_id: string;
  note: string | null;
  added_by: string | null;
  added_at: Timestamp;
}

export interface OpportunityCompetitorsTable {
  tenant_id: string;
  opportunity_id: string;
  competitor_id: string;
  note: string | null;
  added_by: string | null;
  added_at: Timestamp;
}

declare module './schema' {
  interface DB {
    product_categories: ProductCategoriesTable;
    opportunity_products: OpportunityProductsTable;
    opportunity_contacts: OpportunityContactsTable;
    opportunity_partners: OpportunityPartnersTable;
    opportunity_competitors: OpportunityCompetitorsTable;
  }
}
