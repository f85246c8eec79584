import { sql } from 'kysely';
import type { Locale } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import { updateMyUser, type Actor } from './my-user';

export interface ProfileChanges {
  title?: string | null;
  resume?: string | null;
  locale?: Locale;
  version?: number;
}

/** What 个人设置 shows: the profile, the avatar and the state of email and mobile verification. */
export async function getProfile(db: DbOrTx, tenantId: string, userId: string) {
  const user = await db
    .selectFrom('users')
    .innerJoin('departments', (j) => j.onRef('departments.tenant_id', '=', 'users.tenant_id').onRef('departments.id', '=', 'users.department_id'))
    .select([
      'users.login', 'users.name', 'users.title', 'users.resume', 'users.locale', 'users.avatar_file_id', 'users.email',
      'users.email_verified_at', 'users.mobile', 'users.mobile_verified_at', 'users.version', 'departments.name as department_name',
    ])
    .where('users.tenant_id', '=', tenantId)
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  const pending = await db
    .selectFrom('verifications')
    .select(['channel', 'target'])
    .distinctOn('channel')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('channel')
    .orderBy('created_at', 'desc')
    .execute();
  const pendingOf = (channel: 'email' | 'mobile') => pending.find((p) => p.channel === channel)?.target ?? null;
  return {
    login: user.login,
    name: user.name,
    departmentName: user.department_name,
    title: user.title,
    resume: user.resume,
    locale: user.locale,
    avatarUrl: user.avatar_file_id ? `/api/v1/files/${user.avatar_file_id}` : null,
    email: user.email,
    emailVerified: user.email_verified_at !== null,
    pendingEmail: pendingOf('email'),
    mobile: user.mobile,
    mobileVerified: user.mobile_verified_at !== null,
    pendingMobile: pendingOf('mobile'),
    version: user.version,
  };
}
export type Profile = Awaited<ReturnType<typeof getProfile>>;

/** §2.2 个人简历: the user edits their title, résumé and language; blank text clears a field. */
export async function updateProfile(tx: Tx, actor: Actor, input: ProfileChanges): Promise<void> {
  const { version, ...fields } = input;
  const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
  const changes = {
    ...(fields.title !== undefined ? { title: blankToNull(fields.title) } : {}),
    ...(fields.resume !== undefined ? { resume: blankToNull(fields.resume) } : {}),
    ...(fields.locale !== undefined ? { locale: fields.locale } : {}),
  };
  await updateMyUser(tx, actor, changes, 'update_profile', version);
}
