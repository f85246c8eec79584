-- 公海池 (§3.2, §3.4): pool groups for leads and accounts, their members, auto-assign rules, the
-- pool columns on both objects, lead conversion links, and the immutable event log that pool
-- actions, conversions and analytics read (DESIGN.md §5).

CREATE TABLE pool_groups (
  tenant_id                uuid NOT NULL REFERENCES tenants(id),
  id                       uuid NOT NULL DEFAULT gen_random_uuid(),
  object                   text NOT NULL CHECK (object IN ('lead', 'account')),
  name                     text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  -- Every user of the company is a member (the default group); otherwise pool_group_members lists them.
  everyone                 boolean NOT NULL DEFAULT false,
  is_default               boolean NOT NULL DEFAULT false,
  -- 'claim': reps claim for themselves; 'assign': only group administrators hand records out.
  claim_mode               text NOT NULL DEFAULT 'claim' CHECK (claim_mode IN ('claim', 'assign')),
  -- Whether members may open a record's details before claiming it.
  preview_allowed          boolean NOT NULL DEFAULT true,
  -- The most records of this group one member may hold at once; null: no limit.
  max_held                 integer CHECK (max_held > 0),
  members_may_move         boolean NOT NULL DEFAULT false,
  -- Recycle rules: back to the pool when not followed up for N days / not converted within M days of claiming.
  recycle_idle_days        integer CHECK (recycle_idle_days > 0),
  recycle_unconverted_days integer CHECK (recycle_unconverted_days > 0),
  sort_order               integer NOT NULL DEFAULT 0,
  version                  integer NOT NULL DEFAULT 1,
  created_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, object, name)
);
CREATE UNIQUE INDEX pool_groups_default_ux ON pool_groups (tenant_id, object) WHERE is_default;

CREATE TABLE pool_group_members (
  tenant_id uuid NOT NULL,
  group_id  uuid NOT NULL,
  user_id   uuid NOT NULL,
  is_admin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, group_id, user_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES pool_groups(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);
CREATE INDEX pool_group_members_user_ix ON pool_group_members (tenant_id, user_id);

-- 自动分配 (§3.2.8): ordered rules per group; conditions are a filter tree on the object's fields;
-- targets are users and departments (用户组), taken in turn from `next_turn`.
CREATE TABLE pool_assign_rules (
  tenant_id  uuid NOT NULL,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  group_id   uuid NOT NULL,
  name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  position   integer NOT NULL DEFAULT 0,
  enabled    boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '[]',
  targets    jsonb NOT NULL DEFAULT '[]',
  next_turn  bigint NOT NULL DEFAULT 0,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES pool_groups(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX pool_assign_rules_group_ix ON pool_assign_rules (tenant_id, group_id, position);

-- pool_state: 'pool' (in the pool, no owner), 'held' (someone owns it), 'abandoned' (废弃, no owner).
ALTER TABLE leads
  ADD COLUMN pool_group_id uuid,
  ADD COLUMN pool_state text NOT NULL DEFAULT 'held' CHECK (pool_state IN ('pool', 'held', 'abandoned')),
  ADD COLUMN claimed_at timestamptz,
  ADD COLUMN returned_count integer NOT NULL DEFAULT 0,
  ADD COLUMN recycle_warned_at timestamptz,
  ADD COLUMN converted_at timestamptz,
  ADD COLUMN converted_account_id uuid,
  ADD COLUMN converted_contact_id uuid,
  ADD COLUMN converted_opportunity_id uuid,
  ADD FOREIGN KEY (tenant_id, pool_group_id) REFERENCES pool_groups(tenant_id, id),
  ADD FOREIGN KEY (tenant_id, converted_account_id) REFERENCES accounts(tenant_id, id),
  ADD FOREIGN KEY (tenant_id, converted_contact_id) REFERENCES contacts(tenant_id, id),
  ADD FOREIGN KEY (tenant_id, converted_opportunity_id) REFERENCES opportunities(tenant_id, id);
ALTER TABLE accounts
  ADD COLUMN pool_group_id uuid,
  ADD COLUMN pool_state text NOT NULL DEFAULT 'held' CHECK (pool_state IN ('pool', 'held', 'abandoned')),
  ADD COLUMN claimed_at timestamptz,
  ADD COLUMN returned_count integer NOT NULL DEFAULT 0,
  ADD COLUMN recycle_warned_at timestamptz,
  ADD FOREIGN KEY (tenant_id, pool_group_id) REFERENCES pool_groups(tenant_id, id);

-- Every company gets a default group per object that all its users belong to.
INSERT INTO pool_groups (tenant_id, object, name, everyone, is_default)
SELECT t.id, o.object, o.name, true, true FROM tenants t
  CROSS JOIN (VALUES ('lead', '默认线索池'), ('account', '默认客户池')) AS o(object, name);
UPDATE leads l SET pool_group_id = g.id,
                   pool_state = CASE WHEN l.owner_id IS NULL THEN 'pool' ELSE 'held' END
  FROM pool_groups g WHERE g.tenant_id = l.tenant_id AND g.object = 'lead' AND g.is_default;
UPDATE accounts a SET pool_state = 'pool', pool_group_id = g.id
  FROM pool_groups g WHERE g.tenant_id = a.tenant_id AND g.object = 'account' AND g.is_default AND a.owner_id IS NULL;

CREATE INDEX leads_pool_ix ON leads (tenant_id, pool_group_id, pool_state, created_at DESC, id);
CREATE INDEX leads_converted_account_ix ON leads (tenant_id, converted_account_id) WHERE converted_account_id IS NOT NULL;
CREATE INDEX accounts_pool_ix ON accounts (tenant_id, pool_group_id, pool_state, created_at DESC, id);
CREATE INDEX opportunities_account_ix ON opportunities (tenant_id, account_id, created_at);
CREATE INDEX opportunities_lead_ix ON opportunities (tenant_id, lead_id) WHERE lead_id IS NOT NULL;

-- The immutable event log: pool actions (create in pool, claim, assign, return, recycle, abandon,
-- restore, change group), conversions and status changes. "查看公海操作记录" and analytics read it.
CREATE TABLE record_events (
  tenant_id     uuid NOT NULL,
  id            bigserial,
  object        text NOT NULL,
  record_id     uuid NOT NULL,
  kind          text NOT NULL,
  actor_id      uuid,
  from_owner_id uuid,
  to_owner_id   uuid,
  from_group_id uuid,
  to_group_id   uuid,
  detail        jsonb NOT NULL DEFAULT '{}',
  at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX record_events_record_ix ON record_events (tenant_id, object, record_id, id);
CREATE INDEX record_events_group_ix ON record_events (tenant_id, object, to_group_id, id);
CREATE INDEX record_events_kind_ix ON record_events (tenant_id, object, kind, at);
CREATE FUNCTION record_events_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'record_events is append-only'; END $$;
CREATE TRIGGER record_events_append_only BEFORE UPDATE OR DELETE ON record_events
  FOR EACH ROW EXECUTE FUNCTION record_events_is_append_only();
