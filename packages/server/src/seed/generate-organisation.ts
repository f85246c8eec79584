import { BUILT_IN_ROLES, type BuiltInRoleKey } from '@yixiao/core';
import type { Db } from '../db/database';
import { hashPassword } from '../platform/auth/passwords';
import { createTenant } from '../platform/org/tenants';
import { chineseName, departmentName, seededRandom } from './random';

export interface OrganisationSize {
  users: number;
  /** Levels below the company root; the bench uses 5. */
  depth: number;
  /** Departments under each department. */
  fanOut: number;
}

/**
 * A generated company of any size: a department tree `depth` levels deep, a head per department,
 * reps spread over the leaf teams reporting to their team head. Returns logins to sign in with.
 * Inserts in bulk (one statement per level / per batch), so 10,000 users take seconds.
 */
export async function generateOrganisation(db: Db, options: OrganisationSize & { name: string; password: string; seed?: number; loginPrefix?: string }) {
  const random = seededRandom(options.seed ?? 42);
  const prefix = options.loginPrefix ?? 'u';
  const passwordHash = await hashPassword(options.password);
  return db.transaction().execute(async (tx) => {
    const tenant = await createTenant(tx, {
      name: options.name,
      admin: { login: `${prefix}admin`, name: '系统管理员', password: options.password },
    });
    const t = tenant.tenantId;
    const roleIds = tenant.roles as Record<BuiltInRoleKey, string>;

    // Department tree, level by level.
    const levels: string[][] = [[tenant.rootDepartmentId]];
    for (let level = 1; level <= options.depth; level++) {
      const parents = levels[level - 1]!;
      const rows = parents.flatMap((parentId) =>
        Array.from({ length: options.fanOut }, (_, i) => ({
          tenant_id: t, parent_id: parentId, name: departmentName(random, level, i), code: null, head_user_id: null, sort_order: i,
        })));
      const inserted = await tx.insertInto('departments').values(rows).returning('id').execute();
      levels.push(inserted.map((r) => r.id));
    }

    // One head per non-root department (managers), the rest reps in leaf teams.
    const parentOf = new Map<string, string | null>();
    const deptRows = await tx.selectFrom('departments').select(['id', 'parent_id']).where('tenant_id', '=', t).execute();
    for (const d of deptRows) parentOf.set(d.id, d.parent_id);
    const heads = new Map<string, string>([[tenant.rootDepartmentId, tenant.adminId]]);
    let n = 0;
    const nextLogin = () => `${prefix}${String(++n).padStart(5, '0')}`;
    const users: { login: string; dept: string; role: BuiltInRoleKey; head: boolean }[] = [];
    for (const level of levels.slice(1)) for (const dept of level) {
      if (users.length >= options.users) break;
      users.push({ login: nextLogin(), dept, role: 'manager', head: true });
    }
    const leaves = levels[levels.length - 1]!;
    for (let i = 0; users.length < options.users; i++) {
      users.push({ login: nextLogin(), dept: leaves[i % leaves.length]!, role: 'rep', head: false });
    }

    for (let start = 0; start < users.length; start += 1000) {
      const batch = users.slice(start, start + 1000);
      const rows = await tx.insertInto('users').values(batch.map((u) => ({
        tenant_id: t, login: u.login, name: chineseName(random), email: null, mobile: null, title: u.head ? '经理' : '销售代表',
        resume: null, avatar_file_id: null, password_hash: passwordHash, department_id: u.dept, superior_id: null,
        email_verified_at: null, mobile_verified_at: null,
      }))).returning(['id', 'login', 'department_id']).execute();
      await tx.insertInto('login_directory').values(rows.map((r) => ({ identifier: r.login.toLowerCase(), kind: 'login' as const, tenant_id: t, user_id: r.id }))).execute();
      await tx.insertInto('user_roles').values(rows.map((r, i) => ({ tenant_id: t, user_id: r.id, role_id: roleIds[batch[i]!.role] }))).execute();
      rows.forEach((r, i) => { if (batch[i]!.head) heads.set(r.department_id, r.id); });
    }

    // Heads lead their departments; everyone reports to the head of their department (heads to the one above).
    const headOfAbove = (deptId: string): string => {
      for (let d = parentOf.get(deptId) ?? null; d; d = parentOf.get(d) ?? null) if (heads.has(d)) return heads.get(d)!;
      return tenant.adminId;
    };
    for (const [deptId, userId] of heads) {
      await tx.updateTable('departments').set({ head_user_id: userId }).where('tenant_id', '=', t).where('id', '=', deptId).execute();
    }
    const all = await tx.selectFrom('users').select(['id', 'department_id']).where('tenant_id', '=', t).where('id', '<>', tenant.adminId).execute();
    const headIds = new Set(heads.values());
    for (const u of all) {
      const superior = headIds.has(u.id) ? headOfAbove(u.department_id) : heads.get(u.department_id) ?? headOfAbove(u.department_id);
      if (superior !== u.id) await tx.updateTable('users').set({ superior_id: superior }).where('tenant_id', '=', t).where('id', '=', u.id).execute();
    }
    return {
      tenantId: t,
      adminLogin: `${prefix}admin`,
      sampleLogins: { manager: users.find((u) => u.role === 'manager')?.login, rep: users.find((u) => u.role === 'rep')?.login },
      userCount: users.length + 1,
      departmentCount: levels.flat().length,
      roleNames: Object.fromEntries(Object.entries(BUILT_IN_ROLES).map(([k, v]) => [k, v.zh])),
    };
  });
}
