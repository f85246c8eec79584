-- 导入 (§3.2.2, §3.3.2, §3.4.3, §3.5.3): import jobs, the uploaded rows staged in PostgreSQL so any
-- server process can run or resume a job (and the error report is a query), and what each job
-- changed, so 撤销导入 can put it back.

CREATE TABLE import_jobs (
  tenant_id        uuid NOT NULL REFERENCES tenants(id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  object           text NOT NULL,
  target           text NOT NULL CHECK (target IN ('records', 'pool')),
  file_name        text NOT NULL,
  format           text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding         text CHECK (encoding IN ('gb18030', 'utf-8')),
  mode             text NOT NULL CHECK (mode IN ('skip', 'overwrite', 'overwriteOnly')),
  status           text NOT NULL DEFAULT 'parsing'
                   CHECK (status IN ('parsing', 'queued', 'running', 'done', 'failed', 'cancelled', 'interrupted', 'undone')),
  total            integer,
  processed        integer NOT NULL DEFAULT 0,
  created          integer NOT NULL DEFAULT 0,
  updated          integer NOT NULL DEFAULT 0,
  skipped          integer NOT NULL DEFAULT 0,
  failed           integer NOT NULL DEFAULT 0,
  -- Message keys with their parameters ({ key, params }), rendered in the reader's language.
  notices          jsonb NOT NULL DEFAULT '[]',
  error            jsonb,
  started_by       uuid NOT NULL,
  started_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  -- Written by whoever works on the job (the upload, then the runner); a stale one means that process died.
  heartbeat_at     timestamptz NOT NULL DEFAULT now(),
  -- The runner now owning the job: a batch commits only while its runner still owns the job.
  runner           uuid,
  -- The last line done: every staged row up to it has its outcome, in the same transactions.
  cursor           integer NOT NULL DEFAULT 0,
  cancel_requested boolean NOT NULL DEFAULT false,
  header           text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, started_by) REFERENCES users(tenant_id, id)
);
-- 系统同一时间只能允许一个用户进行数据导入 (§3.2.2): one active import per company, across every server process.
CREATE UNIQUE INDEX import_jobs_one_active_ux ON import_jobs (tenant_id)
  WHERE status IN ('parsing', 'queued', 'running', 'interrupted');
CREATE INDEX import_jobs_started_ix ON import_jobs (tenant_id, started_at DESC, id);
CREATE INDEX import_jobs_live_ix ON import_jobs (status, heartbeat_at) WHERE status IN ('parsing', 'queued', 'running', 'interrupted');

-- outcome: skipped or failed (error as { key, params }) once its batch ran; rows the import wrote
-- are in import_changes instead, and every row up to the job's cursor has been through a batch.
CREATE TABLE import_rows (
  tenant_id uuid NOT NULL,
  job_id    uuid NOT NULL,
  line      integer NOT NULL,
  cells     text[] NOT NULL,
  outcome   text CHECK (outcome IN ('created', 'updated', 'skipped', 'failed')),
  error     jsonb,
  PRIMARY KEY (tenant_id, job_id, line),
  FOREIGN KEY (tenant_id, job_id) REFERENCES import_jobs(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX import_rows_failed_ix ON import_rows (tenant_id, job_id, line) WHERE outcome = 'failed';

-- previous: the overwritten fields' values before the import (field key → value, API shape);
-- version: the record's version the import wrote, so undo touches only records nobody changed since.
CREATE TABLE import_changes (
  tenant_id uuid NOT NULL,
  job_id    uuid NOT NULL,
  record_id uuid NOT NULL,
  line      integer NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('created', 'updated')),
  previous  jsonb,
  version   integer NOT NULL,
  PRIMARY KEY (tenant_id, job_id, line),
  FOREIGN KEY (tenant_id, job_id) REFERENCES import_jobs(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX import_changes_record_ix ON import_changes (tenant_id, job_id, record_id);
