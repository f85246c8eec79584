import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables in db/migrations. Keep in step with the SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  time_zone: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

/** A company's configuration version (migration 0020): triggers move it, requests read it. */
export interface ConfigVersionsTable {
  tenant_id: string;
  version: Generated<string>;
}

export interface DepartmentsTable {
  tenant_id: string;
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  code: string | null;
  head_user_id: string | null;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RolesTable {
  tenant_id: string;
  id: Generated<string>;
  key: string | null;
  name_zh: string;
  name_en: string;
  permissions: string[];
  created_at: Timestamp;
}

export interface UsersTable {
  tenant_id: string;
  id: Generated<string>;
  login: string;
  name: string;
  email: string | null;
  email_verified_at: NullableTimestamp;
  mobile: string | null;
  mobile_verified_at: NullableTimestamp;
  password_hash: string;
  department_id: string;
  superior_id: string | null;
  status: Generated<'active' | 'disabled'>;
  locale: Generated<'zh-CN' | 'en-US'>;
  title: string | null;
  resume: string | null;
  avatar_file_id: string | null;
  menu: Json<string[] | null>;
  email_subscriptions: Json<Record<string, boolean>>;
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  tenant_id: string;
  user_id: string;
  role_id: string;
}

export interface LoginDirectoryTable {
  identifier: string;
  kind: 'login' | 'email' | 'mobile';
  tenant_id: string;
  user_id: string;
}

export interface LoginFailuresTable {
  scope: 'account' | 'ip';
  key: string;
  failed_at: Timestamp;
}

export interface SessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  tenant_id: string;
  id: string;
  user_id: string;
  kind: 'bearer' | 'api_key';
  name: string | null;
  prefix: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
}

export interface AuditLogTable {
  tenant_id: string;
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  object_type: string;
  record_id: string;
  action: string;
  changes: Json<FieldChange[]>;
  request_id: string | null;
}
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface FilesTable {
  tenant_id: string;
  id: Generated<string>;
  uploaded_by: string;
  purpose: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: Timestamp;
}

export interface MailOutboxTable {
  tenant_id: string;
  id: Generated<string>;
  dedupe_key: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface VerificationsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  channel: 'email' | 'mobile';
  target: string;
  secret_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface AnnouncementsTable {
  tenant_id: string;
  id: Generated<string>;
  department_id: string | null;
  title: string;
  body: string;
  author_id: string;
  created_at: Timestamp;
}

export interface NotificationsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  kind: 'todo' | 'notice' | 'announcement';
  title: string;
  body: Generated<string>;
  link: string | null;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface FeedbackTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  category: 'bug' | 'suggestion' | 'question';
  content: string;
  status: Generated<'open' | 'replied'>;
  reply: string | null;
  replied_by: string | null;
  replied_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface RemindersTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  remind_at: Timestamp;
  email_event: string | null;
  source: string | null;
  created_by: string;
  fired_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface DB {
  tenants: TenantsTable;
  config_versions: ConfigVersionsTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  login_directory: LoginDirectoryTable;
  login_failures: LoginFailuresTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  files: FilesTable;
  mail_outbox: MailOutboxTable;
  verifications: VerificationsTable;
  announcements: AnnouncementsTable;
  notifications: NotificationsTable;
  feedback: FeedbackTable;
  reminders: RemindersTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Department = Selectable<DepartmentsTable>;
export type Role = Selectable<RolesTable>;
