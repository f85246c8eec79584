import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { sweepTenant } from '../src/objects/pool/recycle';
import { generateOrganisation } from '../src/seed/generate-organisation';
import { seedDemoAccounts } from '../src/seed/demo-accounts';
import { DEMO_COMPANY, DEMO_USERS, seedDemoCompany } from '../src/seed/demo-company';
import { seedDemoOpportunities } from '../src/seed/demo-opportunities';
import { seedDemoPools } from '../src/seed/demo-pools';
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

    // A year of campaigns and pool leads, so every panel of the leads issue shows numbers.
    await seedDemoPools(t.database.db, demo.tenantId, demo.userIds, 'http://localhost:3000');
    // 总经理 sees the whole company: the market's campaigns and the reps' converted leads alike.
    const market = await signIn(t, 'wangjianguo', 'DemoPassw0rd');
    const campaignsBody = (await market.get('/api/v1/analytics/campaigns')).json();
    const campaigns = campaignsBody.items as { leads: number; opportunities: number; won: number }[];
    assert.equal(campaigns.length, 4);
    assert.ok(campaigns.every((c) => c.leads > 0), JSON.stringify(campaigns));
    assert.ok(campaigns.some((c) => c.won > 0));
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const stats = (await market.get(`/api/v1/analytics/lead-conversion-stats?period=custom&from=${from}&to=${to}`)).json();
    assert.ok(stats.newLeads > 50 && stats.followedLeads > 0 && stats.newOpportunities > 0 && stats.won > 0, `stats: ${JSON.stringify(stats)}`);
    const groups = (await (await signIn(t, 'liuyang', 'DemoPassw0rd')).get('/api/v1/pools/lead/groups')).json().items as { name: string; poolCount: number }[];
    assert.deepEqual(groups.map((g) => g.name).sort(), ['华东线索池', '华北线索池', '默认线索池'].sort());
    assert.ok(groups.some((g) => g.poolCount > 0));
    const states = await sql<{ state: string }>`SELECT DISTINCT pool_state AS state FROM leads WHERE tenant_id = ${demo.tenantId}::uuid`.execute(t.database.db);
    assert.deepEqual(states.rows.map((r) => r.state).sort(), ['abandoned', 'held', 'pool']);
    const months = await sql<{ n: number }>`SELECT count(DISTINCT date_trunc('month', at))::int AS n FROM record_events WHERE tenant_id = ${demo.tenantId}::uuid`.execute(t.database.db);
    assert.ok(months.rows[0]!.n >= 11, 'history spread over the last 12 months');

    // 客户公海池: two groups with members, accounts waiting, held (with contacts and team members), returned and abandoned.
    await seedDemoAccounts(t.database.db, demo.tenantId, demo.userIds, 'http://localhost:3000');
    const accountGroups = (await (await signIn(t, 'chenjing', 'DemoPassw0rd')).get('/api/v1/pools/account/groups')).json().items as { id: string; name: string; poolCount: number }[];
    assert.deepEqual(accountGroups.map((g) => g.name).sort(), ['华东客户池', '华北客户池', '默认客户池'].sort());
    const zhangsan = await signIn(t, 'zhangsan', 'DemoPassw0rd');
    const northPool = (await zhangsan.get('/api/v1/pools/account/groups')).json().items as { name: string; poolCount: number }[];
    assert.ok(northPool.some((g) => g.name === '华北客户池' && g.poolCount > 0), 'unclaimed accounts wait in 华北客户池');
    assert.ok(!northPool.some((g) => g.name === '华东客户池'), 'a 华北 rep does not see the 华东 group');
    const accountStates = await sql<{ state: string; n: number }>`SELECT a.pool_state AS state, count(*)::int AS n FROM accounts a
      JOIN pool_groups g ON g.tenant_id = a.tenant_id AND g.id = a.pool_group_id WHERE a.tenant_id = ${demo.tenantId}::uuid AND g.name IN ('华北客户池', '华东客户池')
      GROUP BY 1`.execute(t.database.db);
    assert.deepEqual(accountStates.rows.map((r) => r.state).sort(), ['abandoned', 'held', 'pool'], JSON.stringify(accountStates.rows));
    const kinds = await sql<{ kind: string }>`SELECT DISTINCT kind FROM record_events WHERE tenant_id = ${demo.tenantId}::uuid AND object = 'account'`.execute(t.database.db);
    for (const kind of ['create_in_pool', 'claim', 'assign', 'return', 'abandon']) assert.ok(kinds.rows.some((r) => r.kind === kind), kind);
    const accountMonths = await sql<{ n: number }>`SELECT count(DISTINCT date_trunc('month', at))::int AS n FROM record_events WHERE tenant_id = ${demo.tenantId}::uuid AND object = 'account'`.execute(t.database.db);
    assert.ok(accountMonths.rows[0]!.n >= 10, 'account history spread over the year');
    const held = await sql<{ contacts: number; team: number; ungrouped: number; stale: number }>`SELECT
        (SELECT count(*)::int FROM contacts c JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
          WHERE a.tenant_id = ${demo.tenantId}::uuid AND a.pool_state = 'held' AND a.pool_group_id IS NOT NULL) AS contacts,
        (SELECT count(*)::int FROM record_team_members WHERE tenant_id = ${demo.tenantId}::uuid AND object = 'account') AS team,
        (SELECT count(*)::int FROM accounts WHERE tenant_id = ${demo.tenantId}::uuid AND pool_group_id IS NULL) AS ungrouped,
        (SELECT count(*)::int FROM accounts WHERE tenant_id = ${demo.tenantId}::uuid AND created_at > now()) AS stale`.execute(t.database.db);
    assert.ok(held.rows[0]!.contacts > 20 && held.rows[0]!.team > 0, JSON.stringify(held.rows[0]));
    assert.equal(held.rows[0]!.ungrouped, 4, 'accounts from before pools, for 初始化公海池分组');
    assert.equal(held.rows[0]!.stale, 0, 'nothing dated in the future');
    // The demo's recycle rules find nothing overdue on the first sweep: held accounts are being followed up.
    assert.deepEqual(await sweepTenant(t.database.db, demo.tenantId, 'account', new Date()), { recycled: 0, warned: 0 });
    const mine = (await zhangsan.get('/api/v1/account?view=mine&pageSize=200')).json().items as { region: { province?: string } | null }[];
    assert.ok(mine.some((a) => a.region?.province), 'pool accounts carry a region from the list');

    // A year of opportunities with products, partners and competitors, for the analytics issue.
    await seedDemoOpportunities(t.database.db, demo.tenantId, demo.userIds, 'http://localhost:3000');
    const tenantId = demo.tenantId;
    const stages = await sql<{ stage: string; n: number; reasons: number }>`SELECT stage, count(*)::int AS n, count(lost_reason)::int AS reasons
      FROM opportunities WHERE tenant_id = ${tenantId}::uuid GROUP BY 1`.execute(t.database.db);
    for (const stage of ['初步接洽', '需求确定', '方案/报价', '谈判审核', '赢单', '输单']) {
      assert.ok(stages.rows.some((r) => r.stage === stage && r.n > 0), `an opportunity in ${stage}: ${JSON.stringify(stages.rows)}`);
    }
    const lostRow = stages.rows.find((r) => r.stage === '输单')!;
    assert.equal(lostRow.reasons, lostRow.n, 'every lost opportunity has a reason');
    const reasons = await sql<{ n: number }>`SELECT count(DISTINCT lost_reason)::int AS n FROM opportunities WHERE tenant_id = ${tenantId}::uuid AND stage = '输单'`.execute(t.database.db);
    assert.ok(reasons.rows[0]!.n >= 2, 'lost for different reasons');
    const history = await sql<{ months: number; future: number; closedLost: number }>`SELECT count(DISTINCT date_trunc('month', entered_at))::int AS months,
        count(*) FILTER (WHERE entered_at > now() OR left_at > now())::int AS future,
        count(DISTINCT opportunity_id) FILTER (WHERE stage = '输单' AND entered_at < now() - interval '30 days')::int AS "closedLost"
      FROM opportunity_stage_history WHERE tenant_id = ${tenantId}::uuid`.execute(t.database.db);
    assert.ok(history.rows[0]!.months >= 10, `stage history spread over the year: ${JSON.stringify(history.rows[0])}`);
    assert.equal(history.rows[0]!.future, 0, 'no stay dated in the future');
    assert.ok(history.rows[0]!.closedLost > 0, 'deals lost long ago');
    const moves = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunity_stage_history
      WHERE tenant_id = ${tenantId}::uuid AND left_at IS NOT NULL AND left_at > entered_at + interval '1 day'`.execute(t.database.db);
    assert.ok(moves.rows[0]!.n > 50, 'stays in a stage last days, not seconds');
    const catalogue = await sql<{ categories: number; roots: number; products: number; unfiled: number }>`SELECT
        (SELECT count(*)::int FROM product_categories WHERE tenant_id = ${tenantId}::uuid) AS categories,
        (SELECT count(*)::int FROM product_categories WHERE tenant_id = ${tenantId}::uuid AND parent_id IS NULL) AS roots,
        (SELECT count(*)::int FROM products WHERE tenant_id = ${tenantId}::uuid AND price IS NOT NULL AND unit IS NOT NULL) AS products,
        (SELECT count(*)::int FROM products WHERE tenant_id = ${tenantId}::uuid AND category_id IS NULL) AS unfiled`.execute(t.database.db);
    assert.deepEqual({ ...catalogue.rows[0]!, categories: catalogue.rows[0]!.categories > catalogue.rows[0]!.roots, products: catalogue.rows[0]!.products >= 8 },
      { categories: true, roots: 3, products: true, unfiled: 0 });
    const lines = await sql<{ id: string; amount: string; sum: string }>`SELECT o.id, o.amount, sum(l.total) AS sum FROM opportunities o
      JOIN opportunity_products l ON l.tenant_id = o.tenant_id AND l.opportunity_id = o.id WHERE o.tenant_id = ${tenantId}::uuid GROUP BY o.id, o.amount`.execute(t.database.db);
    assert.ok(lines.rows.length >= 20, `opportunities with product lines: ${lines.rows.length}`);
    for (const r of lines.rows) assert.equal(Number(r.amount), Number(r.sum), `amount follows the lines on ${r.id}`);
    const links = await sql<{ partners: number; competitors: number; libraries: number }>`SELECT
        (SELECT count(*)::int FROM opportunity_partners WHERE tenant_id = ${tenantId}::uuid) AS partners,
        (SELECT count(*)::int FROM opportunity_competitors WHERE tenant_id = ${tenantId}::uuid) AS competitors,
        (SELECT count(*)::int FROM partners WHERE tenant_id = ${tenantId}::uuid) + (SELECT count(*)::int FROM competitors WHERE tenant_id = ${tenantId}::uuid) AS libraries`.execute(t.database.db);
    assert.ok(links.rows[0]!.partners > 0 && links.rows[0]!.competitors > 0 && links.rows[0]!.libraries === 8, JSON.stringify(links.rows[0]));
    const forecast = await sql<{ n: number }>`SELECT count(*)::int AS n FROM record_events WHERE tenant_id = ${tenantId}::uuid AND object = 'opportunity'
      AND kind = 'forecast_change' AND at < now() - interval '30 days' AND detail ? 'closeDate' AND (detail->'closeDate'->>'from') IS NOT NULL`.execute(t.database.db);
    assert.ok(forecast.rows[0]!.n > 0, 'close dates changed along the way, dated in the past');
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
