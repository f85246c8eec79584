import { randomBytes } from 'node:crypto';
import { createTenant } from '../../src/platform/org/tenants';
import { createUser } from '../../src/platform/org/users';
import { hashPassword } from '../../src/platform/auth/passwords';
import { signIn, TEST_PASSWORD, type Client, type TestApp } from './app';

export const SEATS = ['admin', 'director', 'manager', 'rep', 'peer', 'teamRead', 'teamWrite'] as const;
export type Seat = (typeof SEATS)[number];

/**
 * A company for visibility tests: 总部 → 销售中心 (head: director) → 华北区 (head: manager, rep reporting
 * to the manager) and 华东区 (peer, and the two colleagues tests add as team members).
 */
export async function createOrg(t: TestApp) {
  const s = randomBytes(4).toString('hex');
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const ids = await t.database.db.transaction().execute(async (tx) => {
    const tenant = await createTenant(tx, { name: `可见性公司${s}`, admin: { login: `admin_${s}`, name: '管理员', password: TEST_PASSWORD } });
    const dept = async (name: string, parent: string) =>
      (await tx.insertInto('departments').values({ tenant_id: tenant.tenantId, parent_id: parent, name, code: null, head_user_id: null }).returning('id').executeTakeFirstOrThrow()).id;
    const center = await dept('销售中心', tenant.rootDepartmentId);
    const north = await dept('华北区', center);
    const east = await dept('华东区', center);
    const user = async (seat: Seat, name: string, departmentId: string, superiorId: string | null, role: 'manager' | 'rep') =>
      (await createUser(tx, tenant.tenantId, { login: `${seat}_${s}`, name, password: TEST_PASSWORD, passwordHash, departmentId, superiorId, roleIds: [tenant.roles[role]] })).id;
    const director = await user('director', '赵总监', center, tenant.adminId, 'manager');
    const manager = await user('manager', '钱经理', north, director, 'manager');
    const rep = await user('rep', '孙销售', north, manager, 'rep');
    const peer = await user('peer', '李同事', east, director, 'rep');
    const teamRead = await user('teamRead', '周只读', east, director, 'rep');
    const teamWrite = await user('teamWrite', '吴读写', east, director, 'rep');
    await tx.updateTable('departments').set({ head_user_id: director }).where('tenant_id', '=', tenant.tenantId).where('id', '=', center).execute();
    await tx.updateTable('departments').set({ head_user_id: manager }).where('tenant_id', '=', tenant.tenantId).where('id', '=', north).execute();
    return { tenantId: tenant.tenantId, userIds: { admin: tenant.adminId, director, manager, rep, peer, teamRead, teamWrite } as Record<Seat, string>, departments: { center, north, east } };
  });
  const logins = Object.fromEntries(SEATS.map((seat) => [seat, `${seat}_${s}`])) as Record<Seat, string>;
  return {
    ...ids,
    logins,
    /** Signed-in clients, one per seat, made on first use. */
    async clients(): Promise<Record<Seat, Client>> {
      const entries = await Promise.all(SEATS.map(async (seat) => [seat, await signIn(t, logins[seat])] as const));
      return Object.fromEntries(entries) as Record<Seat, Client>;
    },
  };
}

/** The seats of one company signed in, and an administrator of another company (who must see nothing). */
export async function signedInOrg(t: TestApp) {
  const org = await createOrg(t);
  const c = await org.clients();
  const outsider = (await (await createOrg(t)).clients()).admin;
  return { org, c, outsider };
}
