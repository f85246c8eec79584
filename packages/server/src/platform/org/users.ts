import type { DbOrTx } from '../../db/database';
import { hashPassword } from '../auth/passwords';

export interface NewUserInput {
  login: string;
  name: string;
  password: string;
  passwordHash?: string; // a precomputed hash (demo seeding hashes once for many users)
  email?: string | null;
  mobile?: string | null;
  title?: string | null;
  departmentId: string;
  superiorId?: string | null;
  roleIds: string[];
  mustChangePassword?: boolean;
}

/** Inserts a user, its sign-in name in the global directory, and its roles. Call inside a transaction. */
export async function createUser(db: DbOrTx, tenantId: string, input: NewUserInput) {
  const user = await db
    .insertInto('users')
    .values({
      tenant_id: tenantId,
      login: input.login,
      name: input.name,
      email: input.email ?? null,
      mobile: input.mobile ?? null,
      title: input.title ?? null,
      resume: null,
      avatar_file_id: null,
      password_hash: input.passwordHash ?? (await hashPassword(input.password)),
      department_id: input.departmentId,
      superior_id: input.superiorId ?? null,
      must_change_password: input.mustChangePassword ?? false,
      email_verified_at: null,
      mobile_verified_at: null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await db.insertInto('login_directory').values({ identifier: input.login.toLowerCase(), kind: 'login', tenant_id: tenantId, user_id: user.id }).execute();
  if (input.roleIds.length > 0) {
    await db.insertInto('user_roles').values(input.roleIds.map((role_id) => ({ tenant_id: tenantId, user_id: user.id, role_id }))).execute();
  }
  return user;
}
