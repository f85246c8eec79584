-- A number per company that every change to what a request needs before it can touch a record
-- moves on: who the user is and may do (users, roles), whom they see (departments, superiors, pool
-- membership), the objects' fields and data-driven options, the time zone. Each request reads it
-- with its credential (one row), so a server process may keep all of that in memory keyed by the
-- number (platform/config-cache.ts) and a change made anywhere, by any process or by hand in SQL,
-- is seen by the next request. Triggers move it, not the application, so no writer can forget.
CREATE TABLE config_versions (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  version   bigint NOT NULL DEFAULT 1
);
INSERT INTO config_versions (tenant_id) SELECT id FROM tenants;

CREATE FUNCTION config_versions_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO config_versions (tenant_id) VALUES (NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER config_versions_add AFTER INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION config_versions_add();

-- An UPDATE, never an upsert: rows removed by a company's deletion cascade find no row to move.
CREATE FUNCTION config_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  company uuid;
BEGIN
  IF TG_TABLE_NAME = 'tenants' THEN company := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN company := OLD.tenant_id;
  ELSE company := NEW.tenant_id;
  END IF;
  UPDATE config_versions SET version = version + 1 WHERE tenant_id = company;
  RETURN NULL;
END $$;

CREATE TRIGGER config_versions_bump AFTER UPDATE OF time_zone ON tenants FOR EACH ROW EXECUTE FUNCTION config_versions_bump();
CREATE TRIGGER config_versions_bump AFTER INSERT OR DELETE OR UPDATE OF name, department_id, superior_id, status, locale ON users
  FOR EACH ROW EXECUTE FUNCTION config_versions_bump();
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['departments', 'roles', 'user_roles', 'field_settings', 'pool_groups', 'pool_group_members',
    'sales_processes', 'sales_stages', 'sales_lost_reasons', 'product_categories'] LOOP
    EXECUTE format('CREATE TRIGGER config_versions_bump AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION config_versions_bump()', t);
  END LOOP;
END $$;
