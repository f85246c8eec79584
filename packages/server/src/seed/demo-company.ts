import type { Db } from '../db/database';
import { hashPassword } from '../platform/auth/passwords';
import { createTenant } from '../platform/org/tenants';
import { createUser } from '../platform/org/users';

export const DEMO_COMPANY = '演示科技有限公司';

interface DeptSpec { name: string; code: string; children?: DeptSpec[] }

// 总部 → 销售中心 / 市场部 → 华北区 / 华东区 / 华南区 → teams: four levels below the company.
const DEPARTMENTS: DeptSpec = {
  name: '总部', code: 'HQ', children: [
    { name: '市场部', code: 'MKT' },
    { name: '销售中心', code: 'SALES', children: [
      { name: '华北区', code: 'NORTH', children: [{ name: '北京一组', code: 'BJ1' }, { name: '天津组', code: 'TJ1' }] },
      { name: '华东区', code: 'EAST', children: [{ name: '上海一组', code: 'SH1' }, { name: '杭州组', code: 'HZ1' }] },
      { name: '华南区', code: 'SOUTH', children: [{ name: '深圳一组', code: 'SZ1' }] },
    ] },
  ],
};

/** The people of the demo company: [login, name, department code, superior login, roles, title, is department head]. */
export const DEMO_USERS: [string, string, string, string | null, ('admin' | 'pool_admin' | 'manager' | 'rep')[], string, boolean][] = [
  ['wangjianguo', '王建国', 'HQ', 'admin', ['manager'], '总经理', true],
  ['liuyang', '刘洋', 'MKT', 'wangjianguo', ['pool_admin'], '市场总监', true],
  ['zhaomin', '赵敏', 'MKT', 'liuyang', ['rep'], '市场专员', false],
  ['chenjing', '陈静', 'SALES', 'wangjianguo', ['manager', 'pool_admin'], '销售总监', true],
  ['sunli', '孙丽', 'NORTH', 'chenjing', ['manager'], '华北区经理', true],
  ['zhouqiang', '周强', 'BJ1', 'sunli', ['manager'], '北京一组组长', true],
  ['zhangsan', '张三', 'BJ1', 'zhouqiang', ['rep'], '销售代表', false],
  ['lisi', '李四', 'BJ1', 'zhouqiang', ['rep'], '销售代表', false],
  ['wuhao', '吴昊', 'TJ1', 'sunli', ['rep'], '销售代表', true],
  ['zhengwei', '郑伟', 'EAST', 'chenjing', ['manager'], '华东区经理', true],
  ['fengxue', '冯雪', 'SH1', 'zhengwei', ['rep'], '销售代表', true],
  ['heping', '何平', 'SH1', 'fengxue', ['rep'], '销售代表', false],
  ['luoxin', '罗欣', 'HZ1', 'zhengwei', ['rep'], '销售代表', true],
  ['gaoshan', '高姗', 'SOUTH', 'chenjing', ['manager'], '华南区经理', true],
  ['linfeng', '林峰', 'SZ1', 'gaoshan', ['rep'], '销售代表', true],
  ['huangying', '黄莹', 'SZ1', 'linfeng', ['rep'], '销售代表', false],
];

/**
 * Creates 演示科技有限公司 with its department tree and people. In the demo company (and only there)
 * every demo user's password is the admin's, so a visitor can try each seat.
 */
export async function seedDemoCompany(db: Db, adminPassword: string) {
  return db.transaction().execute(async (tx) => {
    const tenant = await createTenant(tx, {
      name: DEMO_COMPANY,
      rootDepartmentName: DEMO_COMPANY,
      isDemo: true,
      admin: { login: 'admin', name: '系统管理员', password: adminPassword, email: 'admin@demo.yixiao.local' },
    });
    const deptIds = new Map<string, string>();
    const addDepartments = async (spec: DeptSpec, parentId: string, order: number) => {
      const row = await tx.insertInto('departments')
        .values({ tenant_id: tenant.tenantId, parent_id: parentId, name: spec.name, code: spec.code, head_user_id: null, sort_order: order })
        .returning('id').executeTakeFirstOrThrow();
      deptIds.set(spec.code, row.id);
      for (const [i, child] of (spec.children ?? []).entries()) await addDepartments(child, row.id, i);
    };
    await addDepartments(DEPARTMENTS, tenant.rootDepartmentId, 0);

    const passwordHash = await hashPassword(adminPassword);
    const userIds = new Map<string, string>([['admin', tenant.adminId]]);
    for (const [i, [login, name, dept, superior, roles, title, isHead]] of DEMO_USERS.entries()) {
      const departmentId = deptIds.get(dept)!;
      const user = await createUser(tx, tenant.tenantId, {
        login, name, password: adminPassword, passwordHash, title,
        email: `${login}@demo.yixiao.local`,
        mobile: `1380000${String(1000 + i).padStart(4, '0')}`,
        departmentId, superiorId: superior ? userIds.get(superior)! : null,
        roleIds: roles.map((r) => tenant.roles[r]),
      });
      userIds.set(login, user.id);
      if (isHead) {
        await tx.updateTable('departments').set({ head_user_id: user.id })
          .where('tenant_id', '=', tenant.tenantId).where('id', '=', departmentId).execute();
      }
    }
    return { ...tenant, departmentIds: deptIds, userIds };
  });
}
