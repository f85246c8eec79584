-- 销售流程 (§3.7.6): each company's sales stages (win rates, tasks, key fields), its mode (simple or
-- guided), its lost reasons; the ticks of stage tasks on opportunities; and every opportunity's stage
-- history (entered / left, by whom), from which dwell time, flow, loss and conversion per stage
-- (§4.1.4) are computed. A company without a sales_processes row uses the built-in process
-- (core/src/sales.ts), which is the stage picklist opportunities had before.

CREATE TABLE sales_processes (
  tenant_id  uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  mode       text NOT NULL DEFAULT 'simple' CHECK (mode IN ('simple', 'guided')),
  version    integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- `value` is what opportunities store (the Chinese name the stage was created with); it never changes.
CREATE TABLE sales_stages (
  tenant_id  uuid NOT NULL REFERENCES sales_processes(tenant_id) ON DELETE CASCADE,
  value      text NOT NULL CHECK (length(btrim(value)) BETWEEN 1 AND 100),
  label_zh   text NOT NULL CHECK (length(btrim(label_zh)) BETWEEN 1 AND 100),
  label_en   text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  win_rate   integer NOT NULL CHECK (win_rate BETWEEN 0 AND 100),
  sort_order integer NOT NULL DEFAULT 0,
  enabled    boolean NOT NULL DEFAULT true,
  key_fields text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, value)
);
CREATE UNIQUE INDEX sales_stages_won_ux ON sales_stages (tenant_id) WHERE kind = 'won';
CREATE UNIQUE INDEX sales_stages_lost_ux ON sales_stages (tenant_id) WHERE kind = 'lost';

CREATE TABLE sales_stage_tasks (
  tenant_id  uuid NOT NULL,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  stage      text NOT NULL,
  title      text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  required   boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, stage) REFERENCES sales_stages(tenant_id, value) ON DELETE CASCADE
);
CREATE INDEX sales_stage_tasks_stage_ix ON sales_stage_tasks (tenant_id, stage, sort_order);

CREATE TABLE sales_lost_reasons (
  tenant_id  uuid NOT NULL REFERENCES sales_processes(tenant_id) ON DELETE CASCADE,
  value      text NOT NULL CHECK (length(btrim(value)) BETWEEN 1 AND 100),
  label_zh   text NOT NULL,
  label_en   text NOT NULL,
  enabled    boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, value)
);

-- A stage task ticked on one opportunity.
CREATE TABLE opportunity_stage_checks (
  tenant_id      uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  task_id        uuid NOT NULL,
  checked_by     uuid,
  checked_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, opportunity_id, task_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, task_id) REFERENCES sales_stage_tasks(tenant_id, id) ON DELETE CASCADE
);

-- One row per stay of an opportunity in a stage; the open stay has no left_at. The event log
-- (record_events, kind 'stage_change') holds the same transitions, immutable.
CREATE TABLE opportunity_stage_history (
  tenant_id      uuid NOT NULL,
  id             bigserial,
  opportunity_id uuid NOT NULL,
  stage          text NOT NULL,
  win_rate       integer,
  amount         numeric(18,2),
  entered_at     timestamptz NOT NULL,
  entered_by     uuid,
  left_at        timestamptz,
  left_by        uuid,
  next_stage     text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities(tenant_id, id) ON DELETE CASCADE,
  CHECK (left_at IS NULL OR left_at >= entered_at)
);
CREATE INDEX opportunity_stage_history_record_ix ON opportunity_stage_history (tenant_id, opportunity_id, id);
CREATE UNIQUE INDEX opportunity_stage_history_open_ux ON opportunity_stage_history (tenant_id, opportunity_id) WHERE left_at IS NULL;
CREATE INDEX opportunity_stage_history_stage_ix ON opportunity_stage_history (tenant_id, stage, entered_at);
CREATE INDEX opportunities_stage_ix ON opportunities (tenant_id, stage);

-- Existing companies: those that arranged the stage or loss-reason picklist under 对象与字段, or whose
-- opportunities hold a stage outside the built-in list, get a process of their own that keeps them.
INSERT INTO sales_processes (tenant_id)
SELECT tenant_id FROM field_settings
 WHERE object = 'opportunity' AND field_key IN ('stage', 'lostReason') AND NOT custom AND jsonb_typeof(settings->'options') = 'array'
UNION
SELECT tenant_id FROM opportunities
 WHERE stage NOT IN ('初步接洽', '需求确定', '方案/报价', '谈判审核', '赢单', '输单');

WITH options AS (
  SELECT fs.tenant_id, o.value->>'value' AS value, o.value->'label'->>'zh' AS zh, o.value->'label'->>'en' AS en,
         coalesce((o.value->>'enabled')::boolean, true) AS enabled, o.ord,
         CASE o.value->>'value' WHEN '赢单' THEN 'won' WHEN '输单' THEN 'lost' ELSE 'open' END AS kind
    FROM field_settings fs CROSS JOIN jsonb_array_elements(fs.settings->'options') WITH ORDINALITY AS o(value, ord)
   WHERE fs.object = 'opportunity' AND fs.field_key = 'stage' AND NOT fs.custom AND jsonb_typeof(fs.settings->'options') = 'array'
), ranked AS (
  SELECT *, row_number() OVER (PARTITION BY tenant_id, kind ORDER BY ord) AS r, count(*) OVER (PARTITION BY tenant_id, kind) AS n FROM options
)
INSERT INTO sales_stages (tenant_id, value, label_zh, label_en, kind, win_rate, sort_order, enabled)
SELECT tenant_id, value, coalesce(nullif(zh, ''), value), coalesce(nullif(en, ''), zh, value), kind,
       CASE WHEN kind = 'won' THEN 100 WHEN kind = 'lost' THEN 0
            ELSE coalesce(CASE value WHEN '初步接洽' THEN 10 WHEN '需求确定' THEN 30 WHEN '方案/报价' THEN 60 WHEN '谈判审核' THEN 80 END,
                          round(100.0 * r / (n + 1))::integer) END,
       ord, enabled OR kind <> 'open'
  FROM ranked;

INSERT INTO sales_stages (tenant_id, value, label_zh, label_en, kind, win_rate, sort_order)
SELECT p.tenant_id, d.value, d.value, d.en, d.kind, d.win_rate, d.ord
  FROM sales_processes p
 CROSS JOIN (VALUES ('初步接洽', 'Qualification', 'open', 10, 1), ('需求确定', 'Needs analysis', 'open', 30, 2),
                    ('方案/报价', 'Proposal', 'open', 60, 3), ('谈判审核', 'Negotiation', 'open', 80, 4)) AS d(value, en, kind, win_rate, ord)
 WHERE NOT EXISTS (SELECT 1 FROM sales_stages s WHERE s.tenant_id = p.tenant_id);
INSERT INTO sales_stages (tenant_id, value, label_zh, label_en, kind, win_rate, sort_order)
SELECT p.tenant_id, d.value, d.value, d.en, d.kind, d.win_rate, d.ord
  FROM sales_processes p
 CROSS JOIN (VALUES ('赢单', 'Won', 'won', 100, 1000), ('输单', 'Lost', 'lost', 0, 1001)) AS d(value, en, kind, win_rate, ord)
 WHERE NOT EXISTS (SELECT 1 FROM sales_stages s WHERE s.tenant_id = p.tenant_id AND s.kind = d.kind)
ON CONFLICT (tenant_id, value) DO NOTHING;
-- A stage only records hold stays valid on them, out of the choices.
INSERT INTO sales_stages (tenant_id, value, label_zh, label_en, kind, win_rate, sort_order, enabled)
SELECT DISTINCT o.tenant_id, o.stage, o.stage, o.stage, 'open', 0, 500, false
  FROM opportunities o JOIN sales_processes p ON p.tenant_id = o.tenant_id
 WHERE NOT EXISTS (SELECT 1 FROM sales_stages s WHERE s.tenant_id = o.tenant_id AND s.value = o.stage);

INSERT INTO sales_lost_reasons (tenant_id, value, label_zh, label_en, enabled, sort_order)
SELECT fs.tenant_id, o.value->>'value', coalesce(nullif(o.value->'label'->>'zh', ''), o.value->>'value'),
       coalesce(nullif(o.value->'label'->>'en', ''), o.value->'label'->>'zh', o.value->>'value'),
       coalesce((o.value->>'enabled')::boolean, true), o.ord
  FROM field_settings fs CROSS JOIN jsonb_array_elements(fs.settings->'options') WITH ORDINALITY AS o(value, ord)
 WHERE fs.object = 'opportunity' AND fs.field_key = 'lostReason' AND NOT fs.custom AND jsonb_typeof(fs.settings->'options') = 'array'
ON CONFLICT (tenant_id, value) DO NOTHING;
INSERT INTO sales_lost_reasons (tenant_id, value, label_zh, label_en, sort_order)
SELECT p.tenant_id, d.value, d.value, d.en, d.ord
  FROM sales_processes p
 CROSS JOIN (VALUES ('价格', 'Price', 1), ('产品功能', 'Product fit', 2), ('竞争对手', 'Competitor', 3), ('预算取消', 'No budget', 4), ('其他', 'Other', 5)) AS d(value, en, ord)
 WHERE NOT EXISTS (SELECT 1 FROM sales_lost_reasons r WHERE r.tenant_id = p.tenant_id);
INSERT INTO sales_lost_reasons (tenant_id, value, label_zh, label_en, enabled, sort_order)
SELECT DISTINCT o.tenant_id, o.lost_reason, o.lost_reason, o.lost_reason, false, 500
  FROM opportunities o JOIN sales_processes p ON p.tenant_id = o.tenant_id
 WHERE o.lost_reason IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM sales_lost_reasons r WHERE r.tenant_id = o.tenant_id AND r.value = o.lost_reason);

-- Stage history of the opportunities already there, from the operation log: the stage a record
-- began with (the one before its first logged change, else its stage now), then each logged change.
WITH changes AS (
  SELECT o.tenant_id, o.id AS opportunity_id, a.id AS seq, a.at, a.actor_id, c->>'old' AS old_stage, c->>'new' AS new_stage
    FROM audit_log a
    JOIN opportunities o ON o.tenant_id = a.tenant_id AND o.id::text = a.record_id
   CROSS JOIN jsonb_array_elements(CASE WHEN jsonb_typeof(a.changes) = 'array' THEN a.changes ELSE '[]'::jsonb END) c
   WHERE a.object_type = 'opportunity' AND a.action = 'update' AND c->>'field' = 'stage' AND c->>'new' IS NOT NULL
), stays AS (
  SELECT o.tenant_id, o.id AS opportunity_id, 0::bigint AS seq, o.created_at AS at, o.created_by AS actor_id,
         coalesce((SELECT c.old_stage FROM changes c WHERE c.tenant_id = o.tenant_id AND c.opportunity_id = o.id ORDER BY c.seq LIMIT 1), o.stage) AS stage
    FROM opportunities o
  UNION ALL
  SELECT tenant_id, opportunity_id, seq, at, actor_id, new_stage FROM changes
), monotonic AS (
  -- Log times follow transaction starts; a running maximum keeps every stay's end after its start.
  SELECT tenant_id, opportunity_id, seq, actor_id, stage,
         max(at) OVER (PARTITION BY tenant_id, opportunity_id ORDER BY seq ROWS UNBOUNDED PRECEDING) AS at
    FROM stays
), ordered AS (
  SELECT s.*, lead(at) OVER w AS left_at, lead(actor_id) OVER w AS left_by, lead(stage) OVER w AS next_stage
    FROM monotonic s WINDOW w AS (PARTITION BY tenant_id, opportunity_id ORDER BY seq)
)
INSERT INTO opportunity_stage_history (tenant_id, opportunity_id, stage, win_rate, entered_at, entered_by, left_at, left_by, next_stage)
SELECT d.tenant_id, d.opportunity_id, d.stage,
       coalesce((SELECT s.win_rate FROM sales_stages s WHERE s.tenant_id = d.tenant_id AND s.value = d.stage),
                CASE d.stage WHEN '初步接洽' THEN 10 WHEN '需求确定' THEN 30 WHEN '方案/报价' THEN 60 WHEN '谈判审核' THEN 80 WHEN '赢单' THEN 100 ELSE 0 END),
       d.at, d.actor_id, d.left_at, d.left_by, d.next_stage
  FROM ordered d
 ORDER BY d.tenant_id, d.opportunity_id, d.seq;

-- Where the log missed a change (rows written outside the engine), the record's stage now wins.
UPDATE opportunity_stage_history h SET left_at = greatest(o.updated_at, h.entered_at), left_by = o.updated_by, next_stage = o.stage
  FROM opportunities o
 WHERE o.tenant_id = h.tenant_id AND o.id = h.opportunity_id AND h.left_at IS NULL AND h.stage <> o.stage;
INSERT INTO opportunity_stage_history (tenant_id, opportunity_id, stage, win_rate, entered_at, entered_by)
SELECT o.tenant_id, o.id, o.stage,
       coalesce((SELECT s.win_rate FROM sales_stages s WHERE s.tenant_id = o.tenant_id AND s.value = o.stage),
                CASE o.stage WHEN '初步接洽' THEN 10 WHEN '需求确定' THEN 30 WHEN '方案/报价' THEN 60 WHEN '谈判审核' THEN 80 WHEN '赢单' THEN 100 ELSE 0 END),
       greatest(o.updated_at, o.created_at), o.updated_by
  FROM opportunities o
 WHERE NOT EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.tenant_id = o.tenant_id AND h.opportunity_id = o.id AND h.left_at IS NULL);
UPDATE opportunity_stage_history h SET amount = o.amount
  FROM opportunities o WHERE o.tenant_id = h.tenant_id AND o.id = h.opportunity_id;

-- The same transitions in the event log, marked as rebuilt from the operation log.
INSERT INTO record_events (tenant_id, object, record_id, kind, actor_id, detail, at)
SELECT tenant_id, 'opportunity', opportunity_id, 'stage_change', entered_by,
       jsonb_build_object('from', prev, 'to', stage, 'winRate', win_rate, 'backfilled', true), entered_at
  FROM (SELECT h.*, lag(stage) OVER (PARTITION BY tenant_id, opportunity_id ORDER BY id) AS prev FROM opportunity_stage_history h) x
 ORDER BY entered_at, id;
INSERT INTO record_events (tenant_id, object, record_id, kind, actor_id, detail, at)
SELECT o.tenant_id, 'opportunity', o.id, 'forecast_change', a.actor_id,
       jsonb_object_agg(c->>'field', jsonb_build_object('from', c->'old', 'to', c->'new')) || jsonb_build_object('backfilled', true), a.at
  FROM audit_log a
  JOIN opportunities o ON o.tenant_id = a.tenant_id AND o.id::text = a.record_id
 CROSS JOIN jsonb_array_elements(CASE WHEN jsonb_typeof(a.changes) = 'array' THEN a.changes ELSE '[]'::jsonb END) c
 WHERE a.object_type = 'opportunity' AND a.action IN ('create', 'update') AND c->>'field' IN ('amount', 'closeDate')
 GROUP BY o.tenant_id, o.id, a.id, a.actor_id, a.at
 ORDER BY a.at, a.id;
