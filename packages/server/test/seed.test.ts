import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { generateOrganisation } from '../src/seed/generate-organisation';
import { DEMO_COMPANY, DEMO_USERS, seedDemoCompany } from '../src/seed/demo-company';
import { seedDemoRecords } from '../src/seed/demo-records';
import { signIn, startTestApp, type TestApp } from './support/app';

/** Depth of the department tree (root = 0) for one company. */
async function treeDepth(t: TestApp, tenantId: string): Promise<number> {
  const { rows } = await sql<{ depth: number }>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM departments WHERE tenant_id = ${tenantId} AND parent_id IS NULL
      UNION ALL
      SELECT d.id, tree.depth + 1 FROM departments d JOIN tree ON d.parent_id = tree.id WHERE d.tenant_id = ${tenantId}
    ) SELECT max(depth)::int AS depth FROM tree`.execute(t.database.db);
  return rows[0]!.depth;
}

describe('demo data', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(() => t.close());

  it('creates 演示科技有限公司 with a deep department tree and its people, all signing in with the admin password', async () => {
    const demo = await seedDemoCompany(t.database.db, 'DemoPassw0rd');
    const tenant = await t.database.db.selectFrom('tenants').selectAll().where('id', '=', demo.tenantId).executeTakeFirstOrThrow();
    assert.equal(tenant.name, DEMO_COMPANY);
    assert.equal(tenant.is_demo, true);
    assert.ok(await treeDepth(t, demo.tenantId) >= 3);
    const users = await t.database.db.selectFrom('users').select(['name', 'superior_id']).where('tenant_id', '=', demo.tenantId).execute();
    assert.ok(users.length >= 12);
    assert.equal(users.filter((u) => u.superior_id === null).length, 1, 'only the admin has no superior');
    for (const [login] of DEMO_USERS.slice(0, 3)) {
      const client = await signIn(t, login, 'DemoPassw0rd');
      assert.equal((await client.get('/api/v1/auth/me')).statusCode, 200);
    }

    // Records for the reps, visible along the hierarchy: 张三 sees his own, 孙丽 (华北区) more, 陈静 (销售中心) all.
    await seedDemoRecords(t.database.db, demo.tenantId, demo.userIds, 'http://localhost:3000');
    const total = async (login: string, object: string) => (await (await signIn(t, login, 'DemoPassw0rd')).get(`/api/v1/${object}?pageSize=1`)).json().total as number;
    const [own, region, all] = [await total('zhangsan', 'account'), await total('sunli', 'account'), await total('chenjing', 'account')];
    assert.equal(own, 3);
    assert.ok(own < region && region < all, `${own} < ${region} < ${all}`);
    assert.ok(await total('zhangsan', 'contact') >= 6);
    assert.ok(await total('chenjing', 'opportunity') >= 20);
    assert.ok(await total('zhangsan', 'lead') >= 4);
  });

  it('generates a company of any size with a 5-level tree where everyone but the admin has a superior', async () => {
    const result = await generateOrganisation(t.database.db, { name: '生成公司', users: 120, depth: 5, fanOut: 2, password: 'GenPassw0rd', loginPrefix: 'gen_' });
    assert.equal(result.userCount, 121);
    assert.equal(await treeDepth(t, result.tenantId), 5);
    const orphans = await t.database.db.selectFrom('users').select('login').where('tenant_id', '=', result.tenantId).where('superior_id', 'is', null).execute();
    assert.deepEqual(orphans.map((o) => o.login), ['gen_admin']);
    const heads = await t.database.db.selectFrom('departments').select('id').where('tenant_id', '=', result.tenantId).where('head_user_id', 'is', null).execute();
    assert.equal(heads.length, 0, 'every department has a head');
  });
});
