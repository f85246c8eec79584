-- 工商信息 (§3.5.2): while 客户名称 is typed, registered companies are suggested; choosing one fills
-- 详细地址, 电话, 网址 (administrators choose the fields); the account page shows the registration.
--
-- Per company: which provider answers (off, the offline data file below, or an HTTP registry
-- service), the service's address and key, and which account field each registry attribute fills.
CREATE TABLE registry_settings (
  tenant_id       uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  provider        text NOT NULL DEFAULT 'off' CHECK (provider IN ('off', 'offline', 'http')),
  http_url        text,
  http_key        text,
  fill            jsonb NOT NULL DEFAULT '[{"source":"address","target":"address"},{"source":"phone","target":"phone"},{"source":"website","target":"website"}]',
  -- What the offline data came from: the bundled sample or an uploaded file.
  data_source     text CHECK (data_source IN ('sample', 'file')),
  data_file_name  text,
  data_loaded_at  timestamptz,
  data_loaded_by  uuid,
  updated_by      uuid,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, data_loaded_by) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, updated_by) REFERENCES users(tenant_id, id)
);

-- A name as suggestions compare it: full-width → half-width, lower case, every bracket → (),
-- spaces dropped, so "恒通 网络（杭州）" is found by 恒通网络(杭州).
CREATE FUNCTION registry_name_fold(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT regexp_replace(translate(lower(normalize(name, NFKC)), '[]{}【】〔〕〖〗', '()()()()()'), '\s+', '', 'g')
$fn$;

-- The offline registry: the companies of the data file an administrator loaded (or the sample).
-- name_key is the dedupe key (0012_dedupe_search.sql): the name without its city and legal form,
-- so 仁科 finds 北京仁科互动网络科技有限公司 by the start of its key. Stored, not indexed as an
-- expression, for the reason given there.
CREATE TABLE registry_companies (
  tenant_id             uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  credit_code           text NOT NULL,
  name                  text NOT NULL,
  name_folded           text GENERATED ALWAYS AS (registry_name_fold(name)) STORED,
  name_key              text GENERATED ALWAYS AS (company_name_key(name)) STORED,
  legal_representative  text,
  registered_capital    text,
  established_on        date,
  status                text,
  company_type          text,
  province              text,
  city                  text,
  district              text,
  address               text,
  phone                 text,
  email                 text,
  website               text,
  industry              text,
  business_scope        text,
  PRIMARY KEY (tenant_id, credit_code)
);
-- Words anywhere in the name (three characters and more) through trigrams; the start of the name
-- and the start of its key through b-trees.
CREATE INDEX registry_companies_name_trgm_ix ON registry_companies USING gin (name_folded gin_trgm_ops);
CREATE INDEX registry_companies_name_prefix_ix ON registry_companies (tenant_id, name_folded text_pattern_ops);
CREATE INDEX registry_companies_key_prefix_ix ON registry_companies (tenant_id, name_key text_pattern_ops);
