import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type Client, type TestApp } from './support/app';
import { analyticsFixtures } from './support/analytics-fixtures';
import { createOrg, signedInOrg, type Seat } from './support/org';

/**
 * The data, in Asia/Shanghai time:
 *   campaigns  C1 春季展会 (rep's, 实际人数 120, 实际成本 10000.00), C2 秋季峰会 (peer's, cost 0), C3 线上直播 (rep's, cost 500.00, no leads)
 *   accounts   A1, A2 (rep's), A3 (peer's)
 *   leads of C1: K1 rep → A1 on 05-01, K2 rep → A1 on 05-03, K3 peer → A3 on 05-05, K4 rep (not converted),
 *                K5 in the pool (default group: everyone may read it), K8 rep → A3 on 05-07
 *   leads of C2: K6 rep → A2 on 05-10;   no campaign: K7 rep → A2 on 05-09
 *   opportunities  P1 A1 05-01 30000.00 赢单 (rep) · P2 A1 05-02 12000.00 谈判审核 (rep) · P3 A1 04-30 5000.00 赢单 (rep)
 *                  P4 A3 05-06 8000.50 赢单 (peer) · P5 A2 05-11 4000.00 赢单 (rep)
 * A lead's opportunities are those of the account it became, created at its conversion or after:
 *   K1 → P1 (same instant), P2;  K2 → none (P1, P2 are older);  K3 → P4;  K8 → none (P4 is older);  K6 → P5;
 *   P3 predates every conversion and counts nowhere.
 */
describe('市场活动结果 and 查看数据分析 (§3.1.3 – §3.1.5)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;
  const id: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    let org: Awaited<ReturnType<typeof createOrg>>;
    ({ org, c, outsider } = await signedInOrg(t));
    const f = analyticsFixtures(t.database.db, org.tenantId);
    const { rep, peer } = org.userIds;
    const pool = await f.defaultGroup();
    id.C1 = await f.campaign({ name: '春季展会', ownerId: rep, attendees: 120, cost: '10000.00', createdAt: '2024-04-01T09:00:00+08:00' });
    id.C2 = await f.campaign({ name: '秋季峰会', ownerId: peer, cost: '0', createdAt: '2024-04-02T09:00:00+08:00' });
    id.C3 = await f.campaign({ name: '线上直播', ownerId: rep, cost: '500.00', createdAt: '2024-04-03T09:00:00+08:00' });
    id.A1 = await f.account({ name: '甲公司', ownerId: rep });
    id.A2 = await f.account({ name: '乙公司', ownerId: rep });
    id.A3 = await f.account({ name: '丙公司', ownerId: peer });
    const lead = (name: string, ownerId: string | null, campaignId: string | null, converted?: { at: string; accountId: string }) =>
      f.lead({ name, ownerId, groupId: pool, campaignId, createdAt: '2024-04-20T10:00:00+08:00', converted });
    id.K1 = await lead('K1', rep, id.C1, { at: '2024-05-01T10:00:00+08:00', accountId: id.A1 });
    id.K2 = await lead('K2', rep, id.C1, { at: '2024-05-03T10:00:00+08:00', accountId: id.A1 });
    id.K3 = await lead('K3', peer, id.C1, { at: '2024-05-05T10:00:00+08:00', accountId: id.A3 });
    id.K4 = await lead('K4', rep, id.C1);
    id.K5 = await lead('K5', null, id.C1);
    id.K6 = await lead('K6', rep, id.C2, { at: '2024-05-10T10:00:00+08:00', accountId: id.A2 });
    id.K7 = await lead('K7', rep, null, { at: '2024-05-09T10:00:00+08:00', accountId: id.A2 });
    id.K8 = await lead('K8', rep, id.C1, { at: '2024-05-07T10:00:00+08:00', accountId: id.A3 });
    const opp = (name: string, accountId: string, ownerId: string, amount: string, stage: string, createdAt: string) =>
      f.opportunity({ name, accountId, ownerId, amount, stage, createdAt });
    id.P1 = await opp('P1', id.A1, rep, '30000.00', '赢单', '2024-05-01T10:00:00+08:00');
    id.P2 = await opp('P2', id.A1, rep, '12000.00', '谈判审核', '2024-05-02T10:00:00+08:00');
    id.P3 = await opp('P3', id.A1, rep, '5000.00', '赢单', '2024-04-30T10:00:00+08:00');
    id.P4 = await opp('P4', id.A3, peer, '8000.50', '赢单', '2024-05-06T10:00:00+08:00');
    id.P5 = await opp('P5', id.A2, rep, '4000.00', '赢单', '2024-05-11T10:00:00+08:00');
  });
  after(() => t.close());

  const results = async (client: Client, campaign: string) => {
    const res = await client.get(`/api/v1/analytics/campaigns/${campaign}/results`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const drill = async (client: Client, metric: string, key: string, pageSize = 200) => {
    const res = await client.get(`/api/v1/analytics/drill?metric=${metric}&key=${key}&pageSize=${pageSize}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { object: string; items: { id: string; name: string; amount?: string | null }[]; total: number };
  };
  const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

  it('an administrator sees every lead of the campaign and what they became', async () => {
    assert.deepEqual(await results(c.admin, id.C1!), {
      campaign: { id: id.C1, name: '春季展会' },
      attendees: '120', // 参与人数 = 实际人数
      leads: 6, // K1 K2 K3 K4 K5 K8
      convertedLeads: 4, // K1 K2 K3 K8
      conversionRate: '0.6667', // 4 / 6
      opportunities: 3, // P1 P2 (K1), P4 (K3)
      opportunityAmount: '50000.50', // 30000.00 + 12000.00 + 8000.50
      won: 2, // P1 P4
      revenue: '38000.50', // 实际收益: 30000.00 + 8000.50
      actualCost: '10000.00',
      roi: '2.8001', // (38000.50 − 10000.00) / 10000.00 = 2.80005, rounded half up
    });
  });

  it('a rep counts only the leads, accounts and opportunities they may read', async () => {
    // rep reads K1 K2 K4 K8 (own) and K5 (in a pool they belong to); not K3 (peer's), nor P4 or A3 (peer's).
    assert.deepEqual(await results(c.rep, id.C1!), {
      campaign: { id: id.C1, name: '春季展会' },
      attendees: '120', leads: 5, convertedLeads: 3, conversionRate: '0.6000',
      opportunities: 2, opportunityAmount: '42000.00', won: 1, revenue: '30000.00', actualCost: '10000.00',
      roi: '2.0000', // (30000.00 − 10000.00) / 10000.00
    });
  });

  it('without a cost there is no ROI; without leads no conversion rate; a loss is a negative ROI', async () => {
    const c2 = await results(c.admin, id.C2!);
    assert.equal(c2.attendees, null);
    assert.equal(c2.leads, 1); // K6 (K7 has no campaign)
    assert.equal(c2.conversionRate, '1.0000');
    assert.equal(c2.opportunities, 1); // P5
    assert.equal(c2.revenue, '4000.00');
    assert.equal(c2.actualCost, '0.00');
    assert.equal(c2.roi, null);
    const c3 = await results(c.admin, id.C3!);
    assert.equal(c3.leads, 0);
    assert.equal(c3.conversionRate, null);
    assert.equal(c3.revenue, '0.00');
    assert.equal(c3.roi, '-1.0000'); // (0 − 500.00) / 500.00
  });

  it('a campaign the caller may not read answers 404, to colleagues and other companies alike', async () => {
    assert.equal((await c.peer.get(`/api/v1/analytics/campaigns/${id.C1}/results`)).statusCode, 404);
    assert.equal((await outsider.get(`/api/v1/analytics/campaigns/${id.C1}/results`)).statusCode, 404);
    assert.equal((await c.admin.get('/api/v1/analytics/campaigns/not-an-id/results')).statusCode, 400);
    assert.equal((await drill(outsider, 'campaign.leads', id.C1!)).total, 0);
  });

  it('every number drills down to exactly the records it counts', async () => {
    const leads = await drill(c.admin, 'campaign.leads', id.C1!);
    assert.equal(leads.object, 'lead');
    assert.deepEqual(names(leads.items), ['K1', 'K2', 'K3', 'K4', 'K5', 'K8']);
    assert.equal(leads.total, 6);
    assert.deepEqual(names((await drill(c.admin, 'campaign.converted', id.C1!)).items), ['K1', 'K2', 'K3', 'K8']);
    const opps = await drill(c.admin, 'campaign.opportunities', id.C1!);
    assert.equal(opps.object, 'opportunity');
    assert.deepEqual(opps.items.map((i) => [i.name, i.amount]).sort(), [['P1', '30000.00'], ['P2', '12000.00'], ['P4', '8000.50']]);
    assert.deepEqual(names((await drill(c.admin, 'campaign.revenue', id.C1!)).items), ['P1', 'P4']);
    const accounts = await drill(c.admin, 'campaign.accounts', id.C1!);
    assert.equal(accounts.object, 'account');
    assert.deepEqual(names(accounts.items), ['丙公司', '甲公司']);

    assert.deepEqual(names((await drill(c.rep, 'campaign.leads', id.C1!)).items), ['K1', 'K2', 'K4', 'K5', 'K8']);
    assert.deepEqual(names((await drill(c.rep, 'campaign.opportunities', id.C1!)).items), ['P1', 'P2']);
    assert.deepEqual(names((await drill(c.rep, 'campaign.accounts', id.C1!)).items), ['甲公司']);

    // Paged: two at a time, newest first, the total still the count.
    const page = await drill(c.admin, 'campaign.leads', id.C1!, 2);
    assert.equal(page.items.length, 2);
    assert.equal(page.total, 6);
  });

  it('查看数据分析 lists each readable campaign, newest first, with leads, conversions, accounts, opportunities and amounts', async () => {
    const res = await c.admin.get('/api/v1/analytics/campaigns');
    assert.equal(res.statusCode, 200, res.body);
    const { items, total } = res.json();
    assert.equal(total, 3);
    assert.deepEqual(items.map((i: { name: string }) => i.name), ['线上直播', '秋季峰会', '春季展会']);
    const spring = items[2];
    assert.deepEqual(
      [spring.leads, spring.converted, spring.conversionRate, spring.accounts, spring.opportunities, spring.opportunityAmount, spring.won, spring.revenue],
      [6, 4, '0.6667', 2 /* A1 (K1, K2), A3 (K3, K8) */, 3, '50000.50', 2, '38000.50'],
    );
    assert.equal(spring.ownerName, '孙销售');
    const autumn = items[1];
    assert.deepEqual([autumn.leads, autumn.converted, autumn.accounts, autumn.opportunities, autumn.opportunityAmount], [1, 1, 1, 1, '4000.00']);
    assert.deepEqual([items[0].leads, items[0].conversionRate, items[0].opportunityAmount], [0, null, '0.00']);

    // The rep reads C1 and C3 only (C2 is peer's); A3 is not theirs to count.
    const mine = (await c.rep.get('/api/v1/analytics/campaigns')).json();
    assert.deepEqual(mine.items.map((i: { name: string }) => i.name), ['线上直播', '春季展会']);
    const repSpring = mine.items[1];
    assert.deepEqual([repSpring.leads, repSpring.converted, repSpring.accounts, repSpring.opportunities, repSpring.opportunityAmount], [5, 3, 1, 2, '42000.00']);

    // 按市场活动名称: a name filter, and paging.
    const named = (await c.admin.get(`/api/v1/analytics/campaigns?q=${encodeURIComponent('春季')}`)).json();
    assert.deepEqual(named.items.map((i: { name: string }) => i.name), ['春季展会']);
    const paged = (await c.admin.get('/api/v1/analytics/campaigns?page=2&pageSize=2')).json();
    assert.deepEqual([paged.total, paged.items.map((i: { name: string }) => i.name)], [3, ['春季展会']]);
    assert.equal((await outsider.get('/api/v1/analytics/campaigns')).json().total, 0);
  });

  it('counts a lead converted through 转为客户 and the opportunities made at conversion and after', async () => {
    const campaign = await c.rep.post('/api/v1/campaign', { name: '渠道大会', actualCost: '1000.00' });
    assert.equal(campaign.statusCode, 201, campaign.body);
    const lead = await c.rep.post('/api/v1/lead', { name: '周七', companyName: '上海远景科技', campaignId: campaign.json().id });
    assert.equal(lead.statusCode, 201, lead.body);
    const converted = await c.rep.post(`/api/v1/lead/${lead.json().id}/convert`, { opportunity: { values: { name: '远景一期', amount: '6000.00', stage: '赢单' } } });
    assert.equal(converted.statusCode, 200, converted.body);
    const later = await c.rep.post('/api/v1/opportunity', { name: '远景二期', accountId: converted.json().account.id, amount: '2500.00' });
    assert.equal(later.statusCode, 201, later.body);
    const r = await results(c.rep, campaign.json().id);
    // 远景一期 (at conversion, won) and 远景二期 (after, open); 实际收益 6000.00; ROI (6000 − 1000) / 1000.
    assert.deepEqual([r.leads, r.convertedLeads, r.opportunities, r.opportunityAmount, r.won, r.revenue, r.roi], [1, 1, 2, '8500.00', 1, '6000.00', '5.0000']);
    assert.deepEqual(names((await drill(c.rep, 'campaign.opportunities', campaign.json().id)).items), ['远景一期', '远景二期']);
  });

  it('every analytics route is in a valid OpenAPI document', async () => {
    const doc = (await c.rep.get('/api/openapi.json')).json();
    for (const path of ['/campaigns/{id}/results', '/campaigns', '/lead-conversion-stats', '/lead-pool', '/lead-conversion', '/drill']) {
      assert.ok(doc.paths[`/api/v1/analytics${path}`]?.get, path);
    }
    await SwaggerParser.validate(structuredClone(doc));
  });
});
