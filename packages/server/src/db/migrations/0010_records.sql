-- The record engine: one table per standard object (standard fields are columns, custom fields
-- live in `custom`), plus what every object shares: field settings, custom fields, views, column
-- settings, team members, attachments, idempotency keys and auto-number counters.
-- Tables generated from packages/server/src/metadata/objects by scripts/record-ddl.ts, then frozen.
-- owner_id is nullable: records waiting in a pool (公海池) have no owner.

CREATE TABLE campaigns (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  type             text,
  status           text DEFAULT '计划中',
  start_date       date,
  end_date         date,
  budget_cost      numeric(18,2),
  actual_cost      numeric(18,2),
  expected_attendees numeric,
  actual_attendees numeric,
  expected_revenue numeric(18,2),
  description      text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX campaigns_created_ix ON campaigns (tenant_id, created_at DESC, id);
CREATE INDEX campaigns_owner_ix ON campaigns (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX campaigns_activity_ix ON campaigns (tenant_id, last_activity_at);
CREATE INDEX campaigns_search_ix ON campaigns USING gin (search_text gin_trgm_ops);
CREATE INDEX campaigns_custom_ix ON campaigns USING gin (custom jsonb_path_ops);

CREATE TABLE leads (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  company_name     text NOT NULL,
  gender           text,
  mobile           text,
  phone            text,
  title            text,
  email            text,
  campaign_id      uuid,
  status           text NOT NULL DEFAULT '未处理',
  source           text,
  industry         text,
  address          text,
  postcode         text,
  remark           text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX leads_created_ix ON leads (tenant_id, created_at DESC, id);
CREATE INDEX leads_owner_ix ON leads (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX leads_activity_ix ON leads (tenant_id, last_activity_at);
CREATE INDEX leads_search_ix ON leads USING gin (search_text gin_trgm_ops);
CREATE INDEX leads_campaign_id_ix ON leads (tenant_id, campaign_id);
CREATE INDEX leads_custom_ix ON leads USING gin (custom jsonb_path_ops);

CREATE TABLE accounts (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  level            text,
  industry         text,
  region           jsonb,
  address          text,
  phone            text,
  website          text,
  source           text,
  employees        numeric,
  annual_revenue   numeric(18,2),
  remark           text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX accounts_created_ix ON accounts (tenant_id, created_at DESC, id);
CREATE INDEX accounts_owner_ix ON accounts (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX accounts_activity_ix ON accounts (tenant_id, last_activity_at);
CREATE INDEX accounts_search_ix ON accounts USING gin (search_text gin_trgm_ops);
CREATE INDEX accounts_custom_ix ON accounts USING gin (custom jsonb_path_ops);

CREATE TABLE contacts (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  account_id       uuid NOT NULL,
  title            text,
  dept             text,
  gender           text,
  mobile           text,
  phone            text,
  email            text,
  remark           text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX contacts_created_ix ON contacts (tenant_id, created_at DESC, id);
CREATE INDEX contacts_owner_ix ON contacts (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX contacts_activity_ix ON contacts (tenant_id, last_activity_at);
CREATE INDEX contacts_search_ix ON contacts USING gin (search_text gin_trgm_ops);
CREATE INDEX contacts_account_id_ix ON contacts (tenant_id, account_id);
CREATE INDEX contacts_custom_ix ON contacts USING gin (custom jsonb_path_ops);

CREATE TABLE opportunities (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  account_id       uuid NOT NULL,
  amount           numeric(18,2),
  stage            text NOT NULL DEFAULT '初步接洽',
  close_date       date,
  commit           boolean,
  type             text,
  source           text,
  lead_id          uuid,
  campaign_id      uuid,
  lost_reason      text,
  remark           text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts(tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads(tenant_id, id),
  FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX opportunities_created_ix ON opportunities (tenant_id, created_at DESC, id);
CREATE INDEX opportunities_owner_ix ON opportunities (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX opportunities_activity_ix ON opportunities (tenant_id, last_activity_at);
CREATE INDEX opportunities_search_ix ON opportunities USING gin (search_text gin_trgm_ops);
CREATE INDEX opportunities_account_id_ix ON opportunities (tenant_id, account_id);
CREATE INDEX opportunities_lead_id_ix ON opportunities (tenant_id, lead_id);
CREATE INDEX opportunities_campaign_id_ix ON opportunities (tenant_id, campaign_id);
CREATE INDEX opportunities_custom_ix ON opportunities USING gin (custom jsonb_path_ops);

CREATE TABLE products (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  code             text,
  price            numeric(18,2),
  unit             text,
  enabled          boolean DEFAULT true,
  description      text,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX products_created_ix ON products (tenant_id, created_at DESC, id);
CREATE INDEX products_search_ix ON products USING gin (search_text gin_trgm_ops);
CREATE INDEX products_custom_ix ON products USING gin (custom jsonb_path_ops);

CREATE TABLE partners (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  type             text,
  phone            text,
  address          text,
  website          text,
  remark           text,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX partners_created_ix ON partners (tenant_id, created_at DESC, id);
CREATE INDEX partners_search_ix ON partners USING gin (search_text gin_trgm_ops);
CREATE INDEX partners_custom_ix ON partners USING gin (custom jsonb_path_ops);

CREATE TABLE competitors (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  website          text,
  strengths        text,
  weaknesses       text,
  remark           text,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX competitors_created_ix ON competitors (tenant_id, created_at DESC, id);
CREATE INDEX competitors_search_ix ON competitors USING gin (search_text gin_trgm_ops);
CREATE INDEX competitors_custom_ix ON competitors USING gin (custom jsonb_path_ops);

CREATE TABLE contracts (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  contract_no      text,
  title            text NOT NULL,
  account_id       uuid NOT NULL,
  opportunity_id   uuid,
  amount           numeric(18,2) NOT NULL,
  status           text DEFAULT '执行前',
  sign_date        date,
  start_date       date,
  end_date         date,
  customer_signer  text,
  remark           text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts(tenant_id, id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX contracts_created_ix ON contracts (tenant_id, created_at DESC, id);
CREATE INDEX contracts_owner_ix ON contracts (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX contracts_activity_ix ON contracts (tenant_id, last_activity_at);
CREATE INDEX contracts_search_ix ON contracts USING gin (search_text gin_trgm_ops);
CREATE INDEX contracts_account_id_ix ON contracts (tenant_id, account_id);
CREATE INDEX contracts_opportunity_id_ix ON contracts (tenant_id, opportunity_id);
CREATE INDEX contracts_custom_ix ON contracts USING gin (custom jsonb_path_ops);

CREATE TABLE orders (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  order_no         text,
  account_id       uuid NOT NULL,
  contract_id      uuid,
  amount           numeric(18,2),
  status           text DEFAULT '待确认',
  order_date       date,
  remark           text,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts(tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX orders_created_ix ON orders (tenant_id, created_at DESC, id);
CREATE INDEX orders_owner_ix ON orders (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX orders_activity_ix ON orders (tenant_id, last_activity_at);
CREATE INDEX orders_search_ix ON orders USING gin (search_text gin_trgm_ops);
CREATE INDEX orders_account_id_ix ON orders (tenant_id, account_id);
CREATE INDEX orders_contract_id_ix ON orders (tenant_id, contract_id);
CREATE INDEX orders_custom_ix ON orders USING gin (custom jsonb_path_ops);

CREATE TABLE activities (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  type             text NOT NULL DEFAULT '电话',
  content          text NOT NULL,
  related_object   text,
  related_id       text,
  occurred_at      timestamptz,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX activities_created_ix ON activities (tenant_id, created_at DESC, id);
CREATE INDEX activities_owner_ix ON activities (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX activities_activity_ix ON activities (tenant_id, last_activity_at);
CREATE INDEX activities_custom_ix ON activities USING gin (custom jsonb_path_ops);

CREATE TABLE tasks (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  subject          text NOT NULL,
  due_at           timestamptz,
  remind_at        timestamptz,
  status           text NOT NULL DEFAULT '未开始',
  priority         text DEFAULT '中',
  related_object   text,
  related_id       text,
  description      text,
  completed_at     timestamptz,
  owner_id         uuid,
  department_id    uuid,
  last_activity_at timestamptz,
  custom           jsonb NOT NULL DEFAULT '{}',
  search_text      text NOT NULL DEFAULT '',
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id)
);
CREATE INDEX tasks_created_ix ON tasks (tenant_id, created_at DESC, id);
CREATE INDEX tasks_owner_ix ON tasks (tenant_id, owner_id, created_at DESC, id);
CREATE INDEX tasks_activity_ix ON tasks (tenant_id, last_activity_at);
CREATE INDEX tasks_search_ix ON tasks USING gin (search_text gin_trgm_ops);
CREATE INDEX tasks_custom_ix ON tasks USING gin (custom jsonb_path_ops);

-- Administrators' settings on standard fields (required, on the create form, picklist options)
-- and the custom fields they add (DESIGN.md §3). One row per field; `settings` holds FieldMeta parts.
CREATE TABLE field_settings (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  object      text NOT NULL,
  field_key   text NOT NULL,
  custom      boolean NOT NULL,
  settings    jsonb NOT NULL,
  sort_order  integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, object, field_key)
);

-- Saved list views ("常用检索"), per user.
CREATE TABLE list_views (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL,
  object      text NOT NULL,
  name        text NOT NULL,
  filter      jsonb NOT NULL,
  sort        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX list_views_name_uq ON list_views (tenant_id, user_id, object, name);

-- Each user's list columns per object (编辑列表显示字段).
CREATE TABLE list_column_settings (
  tenant_id  uuid NOT NULL,
  user_id    uuid NOT NULL,
  object     text NOT NULL,
  columns    text[] NOT NULL,
  PRIMARY KEY (tenant_id, user_id, object),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);

-- 团队成员 (§3.5.4, §3.7.3): colleagues who may read, or read and write, a record.
CREATE TABLE record_team_members (
  tenant_id   uuid NOT NULL,
  object      text NOT NULL,
  record_id   uuid NOT NULL,
  user_id     uuid NOT NULL,
  access      text NOT NULL CHECK (access IN ('read', 'write')),
  added_by    uuid,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, object, record_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX record_team_members_user_ix ON record_team_members (tenant_id, user_id, object, record_id);

-- 文档: files attached to a record (the files themselves are in `files`).
CREATE TABLE record_files (
  tenant_id   uuid NOT NULL,
  object      text NOT NULL,
  record_id   uuid NOT NULL,
  file_id     uuid NOT NULL,
  added_by    uuid NOT NULL,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, object, record_id, file_id),
  FOREIGN KEY (tenant_id, file_id) REFERENCES files(tenant_id, id) ON DELETE CASCADE
);

-- A create sent twice with the same Idempotency-Key answers the first record.
CREATE TABLE idempotency_keys (
  tenant_id   uuid NOT NULL,
  user_id     uuid NOT NULL,
  key         text NOT NULL,
  object      text NOT NULL,
  record_id   uuid NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, key)
);

-- Auto-number counters (合同编号, 订单编号), one row per company and field.
CREATE TABLE autonumber_counters (
  tenant_id   uuid NOT NULL,
  object      text NOT NULL,
  field_key   text NOT NULL,
  next_value  bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, object, field_key)
);
CREATE UNIQUE INDEX products_code_uq ON products (tenant_id, code) WHERE code IS NOT NULL;
