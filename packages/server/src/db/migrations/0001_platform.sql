-- Platform foundation: tenants, organisation, sign-in, audit, files, mail outbox, notifications.
-- Every business table is keyed (tenant_id, id) so the schema can be distributed by tenant (Citus).
-- The few global tables (login_directory, login_failures) are look-ups made before a tenant is known.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tenants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  time_zone   text NOT NULL DEFAULT 'Asia/Shanghai',
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE departments (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id    uuid,
  name         text NOT NULL,
  code         text,
  head_user_id uuid,
  sort_order   integer NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES departments(tenant_id, id)
);
CREATE UNIQUE INDEX departments_code_uq ON departments (tenant_id, code) WHERE code IS NOT NULL;
CREATE INDEX departments_parent_ix ON departments (tenant_id, parent_id);

CREATE TABLE roles (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  key          text,            -- set for the built-in roles (admin, pool_admin, manager, rep)
  name_zh      text NOT NULL,
  name_en      text NOT NULL,
  permissions  text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX roles_key_uq ON roles (tenant_id, key) WHERE key IS NOT NULL;
CREATE UNIQUE INDEX roles_name_uq ON roles (tenant_id, name_zh);

CREATE TABLE users (
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  login                text NOT NULL,
  name                 text NOT NULL,
  email                text,
  email_verified_at    timestamptz,
  mobile               text,
  mobile_verified_at   timestamptz,
  password_hash        text NOT NULL,
  department_id        uuid NOT NULL,
  superior_id          uuid,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  locale               text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en-US')),
  title                text,
  resume               text,
  avatar_file_id       uuid,
  menu                 jsonb,   -- the user's ordered navigation keys; null = default menu
  email_subscriptions  jsonb NOT NULL DEFAULT '{}',
  must_change_password boolean NOT NULL DEFAULT false,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id),
  FOREIGN KEY (tenant_id, superior_id) REFERENCES users(tenant_id, id)
);
CREATE UNIQUE INDEX users_login_uq ON users (tenant_id, lower(login));
CREATE INDEX users_department_ix ON users (tenant_id, department_id);
ALTER TABLE departments ADD FOREIGN KEY (tenant_id, head_user_id) REFERENCES users(tenant_id, id);

CREATE TABLE user_roles (
  tenant_id  uuid NOT NULL,
  user_id    uuid NOT NULL,
  role_id    uuid NOT NULL,
  PRIMARY KEY (tenant_id, user_id, role_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, role_id) REFERENCES roles(tenant_id, id) ON DELETE CASCADE
);

-- Sign-in names are global (a person signs in without naming a company): login name, verified
-- email and verified mobile each map to one user.
CREATE TABLE login_directory (
  identifier  text PRIMARY KEY,  -- lower-cased
  kind        text NOT NULL CHECK (kind IN ('login', 'email', 'mobile')),
  tenant_id   uuid NOT NULL,
  user_id     uuid NOT NULL,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX login_directory_user_ix ON login_directory (tenant_id, user_id);

-- Failed sign-ins, counted in the database so restarts and other processes share the count.
CREATE TABLE login_failures (
  scope      text NOT NULL CHECK (scope IN ('account', 'ip')),
  key        text NOT NULL,
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_ix ON login_failures (scope, key, failed_at);

-- Browser sessions. The cookie carries "<tenant_id>.<secret>"; only sha256(secret) is stored.
CREATE TABLE sessions (
  tenant_id     uuid NOT NULL,
  id            text NOT NULL,
  user_id       uuid NOT NULL,
  csrf_token    text NOT NULL,
  ip            text,
  user_agent    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user_ix ON sessions (tenant_id, user_id);

-- Bearer tokens from POST /api/v1/auth/token and personal API keys; hashed like sessions.
CREATE TABLE api_tokens (
  tenant_id     uuid NOT NULL,
  id            text NOT NULL,
  user_id       uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('bearer', 'api_key')),
  name          text,
  prefix        text NOT NULL,  -- first characters, shown in the key list
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  expires_at    timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX api_tokens_user_ix ON api_tokens (tenant_id, user_id);

-- Append-only operation log: who changed what, when, old → new.
CREATE TABLE audit_log (
  tenant_id    uuid NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  object_type  text NOT NULL,
  record_id    text NOT NULL,
  action       text NOT NULL,
  changes      jsonb NOT NULL DEFAULT '[]',
  request_id   text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_record_ix ON audit_log (tenant_id, object_type, record_id, id);
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE files (
  tenant_id    uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  uploaded_by  uuid NOT NULL,
  purpose      text NOT NULL,
  file_name    text NOT NULL,
  mime_type    text NOT NULL,
  size         integer NOT NULL,
  sha256       text NOT NULL,
  data         bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Mail is written here in the transaction of the change that causes it and sent by a worker.
CREATE TABLE mail_outbox (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  dedupe_key       text,
  to_address       text NOT NULL,
  subject          text NOT NULL,
  text_body        text NOT NULL,
  html_body        text,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX mail_outbox_dedupe_uq ON mail_outbox (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX mail_outbox_due_ix ON mail_outbox (next_attempt_at) WHERE status = 'pending';

CREATE TABLE verifications (
  tenant_id    uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('email', 'mobile')),
  target       text NOT NULL,
  secret_hash  text NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE announcements (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  department_id  uuid,          -- null: the whole company; else that department and those below
  title          text NOT NULL,
  body           text NOT NULL,
  author_id      uuid NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES departments(tenant_id, id),
  FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id)
);

CREATE TABLE notifications (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('todo', 'notice', 'announcement')),
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  link        text,
  read_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_user_ix ON notifications (tenant_id, user_id, created_at DESC);
CREATE INDEX notifications_unread_ix ON notifications (tenant_id, user_id) WHERE read_at IS NULL;

CREATE TABLE feedback (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL,
  category    text NOT NULL CHECK (category IN ('bug', 'suggestion', 'question')),
  content     text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replied')),
  reply       text,
  replied_by  uuid,
  replied_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);
