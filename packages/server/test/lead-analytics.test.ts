import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from './support/app';
import { analyticsFixtures } from './support/analytics-fixtures';
import { createOrg, signedInOrg, type Seat } from './support/org';

/**
 * Times are Asia/Shanghai (the company's zone). March 2024 is the period unless said otherwise.
 *   groups     D (default: everyone), G2 华东线索池 (members: peer only)
 *   campaigns  C1 (manager's), C2 (peer's)
 *   accounts   A1, A2 (rep's), A3 (peer's), A4 (admin's)
 *   leads      L1 rep D C1 created 03-01 00:00:00 (the first instant), 动态, → A1 on 03-05
 *              L2 rep D C1 created 03-10, → A2 on 03-12 10:00
 *              L3 peer G2 C2 created 03-15, 动态, → A3 on 03-16
 *              L4 in pool D C1 created 03-20
 *              L5 in pool G2, no campaign, created 03-31 23:59:59 (the last instant), 动态
 *              L6 rep D C1 created 02-29 23:59:59 (outside), → A1 on 03-02
 *              L7 abandoned D created 04-01 00:00:00 (outside)
 *              L8 admin D C2 created 03-25, → A4 on 03-26
 *              L9 rep D C2 created 03-18, → A3 (peer's account) on 03-18
 *   opportunities (account, created, amount, stage, owner)
 *              O1 A1 03-05 (the conversion instant of L1) 10000.00 赢单 rep · O2 A1 03-20 5000.50 初步接洽 rep
 *              O3 A1 03-01 999.00 赢单 rep (before any conversion into A1: never counted)
 *              O4 A2 03-12 12:00 20000.00 赢单 rep · O8 A2 03-11 100.00 rep (before L2's conversion)
 *              O5 A3 03-16 8000.00 赢单 peer · O6 A3 03-17 no amount 输单 peer · O9 A3 03-19 700.00 赢单 peer
 *              O7 A4 03-27 3000.00 需求确定 admin
 * Leads → opportunities: L1 → O1 O2 · L2 → O4 · L3 → O5 O6 O9 · L8 → O7 · L9 → O9 (after 03-18) · L6 → O1 O2 (but L6 is February's)
 */
describe('线索转换情况, 线索公海池分析 and 线索转换率 (§3.2.6, §3.2.9, §4.1.10)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;
  const id: Record<string, string> = {};
  const MARCH = 'period=custom&from=2024-03-01&to=2024-03-31';

  before(async () => {
    t = await startTestApp();
    let org: Awaited<ReturnType<typeof createOrg>>;
    ({ org, c, outsider } = await signedInOrg(t));
    const f = analyticsFixtures(t.database.db, org.tenantId);
    const { admin, manager, rep, peer } = org.userIds;
    id.D = await f.defaultGroup();
    id.G2 = await f.group('华东线索池', [peer]);
    id.C1 = await f.campaign({ name: '春季展会', ownerId: manager });
    id.C2 = await f.campaign({ name: '秋季峰会', ownerId: peer });
    id.A1 = await f.account({ name: '甲公司', ownerId: rep });
    id.A2 = await f.account({ name: '乙公司', ownerId: rep });
    id.A3 = await f.account({ name: '丙公司', ownerId: peer });
    id.A4 = await f.account({ name: '丁公司', ownerId: admin });
    const d = (day: string) => `2024-${day}+08:00`;
    id.L1 = await f.lead({ name: 'L1', ownerId: rep, groupId: id.D, campaignId: id.C1, createdAt: d('03-01T00:00:00'), activityAt: d('03-02T10:00:00'), converted: { at: d('03-05T10:00:00'), accountId: id.A1 } });
    id.L2 = await f.lead({ name: 'L2', ownerId: rep, groupId: id.D, campaignId: id.C1, createdAt: d('03-10T10:00:00'), converted: { at: d('03-12T10:00:00'), accountId: id.A2 } });
    id.L3 = await f.lead({ name: 'L3', ownerId: peer, groupId: id.G2, campaignId: id.C2, createdAt: d('03-15T10:00:00'), activityAt: d('03-15T11:00:00'), converted: { at: d('03-16T09:00:00'), accountId: id.A3 } });
    id.L4 = await f.lead({ name: 'L4', ownerId: null, groupId: id.D, campaignId: id.C1, createdAt: d('03-20T10:00:00') });
    id.L5 = await f.lead({ name: 'L5', ownerId: null, groupId: id.G2, createdAt: d('03-31T23:59:59'), activityAt: d('04-01T10:00:00') });
    id.L6 = await f.lead({ name: 'L6', ownerId: rep, groupId: id.D, campaignId: id.C1, createdAt: d('02-29T23:59:59'), converted: { at: d('03-02T10:00:00'), accountId: id.A1 } });
    id.L7 = await f.lead({ name: 'L7', ownerId: null, groupId: id.D, state: 'abandoned', createdAt: d('04-01T00:00:00') });
    id.L8 = await f.lead({ name: 'L8', ownerId: admin, groupId: id.D, campaignId: id.C2, createdAt: d('03-25T10:00:00'), converted: { at: d('03-26T10:00:00'), accountId: id.A4 } });
    id.L9 = await f.lead({ name: 'L9', ownerId: rep, groupId: id.D, campaignId: id.C2, createdAt: d('03-18T08:00:00'), converted: { at: d('03-18T09:00:00'), accountId: id.A3 } });
    const opp = async (name: string, account: string, day: string, amount: string | null, stage: string, ownerId: string) => {
      id[name] = await f.opportunity({ name, accountId: id[account]!, createdAt: d(day), amount, stage, ownerId });
    };
    await opp('O1', 'A1', '03-05T10:00:00', '10000.00', '赢单', rep);
    await opp('O2', 'A1', '03-20T10:00:00', '5000.50', '初步接洽', rep);
    await opp('O3', 'A1', '03-01T10:00:00', '999.00', '赢单', rep);
    await opp('O4', 'A2', '03-12T12:00:00', '20000.00', '赢单', rep);
    await opp('O8', 'A2', '03-11T10:00:00', '100.00', '初步接洽', rep);
    await opp('O5', 'A3', '03-16T10:00:00', '8000.00', '赢单', peer);
    await opp('O6', 'A3', '03-17T10:00:00', null, '输单', peer);
    await opp('O9', 'A3', '03-19T10:00:00', '700.00', '赢单', peer);
    await opp('O7', 'A4', '03-27T10:00:00', '3000.00', '需求确定', admin);

    // The pool's event log. A claim names the group it left; a return or recycle the group it went to.
    const ev = (lead: string, kind: string, day: string, from: string | null, to: string | null) =>
      f.event({ leadId: id[lead]!, kind, at: d(day), fromGroupId: from && id[from], toGroupId: to && id[to] });
    await ev('L1', 'claim', '03-02T09:00:00', 'D', 'D'); // E1
    await ev('L2', 'claim', '03-11T09:00:00', 'D', 'D'); // E2
    await ev('L4', 'assign', '03-18T09:00:00', 'D', 'D'); // E3
    await ev('L4', 'return', '03-19T09:00:00', null, 'D'); // E4
    await ev('L5', 'claim', '03-10T09:00:00', 'G2', null); // E9: only the group it left
    await ev('L5', 'recycle', '03-20T09:00:00', 'G2', 'G2'); // E5
    await ev('L3', 'claim', '03-15T09:00:00', 'G2', 'G2'); // E6
    await ev('L1', 'claim', '04-02T09:00:00', 'D', 'D'); // E7: April, outside
    await ev('L9', 'auto_assign', '03-18T08:30:00', 'D', 'D'); // E8
    await ev('L8', 'claim', '03-24T09:00:00', 'D', 'D'); // E10: admin's lead
    await ev('L2', 'rule_recycle', '02-28T09:00:00', 'D', 'D'); // February, outside
  });
  after(() => t.close());

  const get = async (client: Client, url: string) => {
    const res = await client.get(url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  type Drill = { object: string; items: { id: string; name: string }[]; total: number };
  const drill = async (client: Client, query: string): Promise<Drill> => get(client, `/api/v1/analytics/drill?${query}&pageSize=200`);
  const names = (d: Drill) => d.items.map((i) => i.name).sort();

  describe('§3.2.6 销售线索转换情况', () => {
    it('an administrator: every lead created in the period, in a pool or not, and what it became', async () => {
      assert.deepEqual(await get(c.admin, `/api/v1/analytics/lead-conversion-stats?${MARCH}`), {
        period: { from: '2024-03-01', to: '2024-03-31' },
        groupId: null,
        newLeads: 7, // L1 L2 L3 L4 L5 L8 L9 (L6 is February's, L7 April's: the bounds are local midnight)
        followedLeads: 3, // L1 L3 L5
        followRate: '0.4286', // 3 / 7
        newOpportunities: 7, // O1 O2 O4 O5 O6 O7 O9, O9 once though both L3 and L9 became A3
        opportunityAmount: '46700.50', // 10000 + 5000.50 + 20000 + 8000 + 0 + 3000 + 700
        leadToOpportunityRate: '1.0000', // 7 / 7
        averageOpportunityAmount: '6671.50', // 46700.50 / 7
        won: 4, // O1 O4 O5 O9
        wonAmount: '38700.00',
        opportunityToWonRate: '0.5714', // 4 / 7
        averageWonAmount: '9675.00', // 38700 / 4
      });
    });

    it('a rep counts only the leads and opportunities they may read', async () => {
      // rep reads L1 L2 L9 (own) and L4 (pool D, everyone's); not L3 L8 (others'), L5 (G2, not a member);
      // of the opportunities O1 O2 O4, not O9 (peer's), although their L9 became A3.
      assert.deepEqual(await get(c.rep, `/api/v1/analytics/lead-conversion-stats?${MARCH}`), {
        period: { from: '2024-03-01', to: '2024-03-31' }, groupId: null,
        newLeads: 4, followedLeads: 1, followRate: '0.2500',
        newOpportunities: 3, opportunityAmount: '35000.50', leadToOpportunityRate: '0.7500', averageOpportunityAmount: '11666.83', // 35000.50 / 3 = 11666.833…
        won: 2, wonAmount: '30000.00', opportunityToWonRate: '0.6667', averageWonAmount: '15000.00',
      });
      const other = await get(outsider, `/api/v1/analytics/lead-conversion-stats?${MARCH}`);
      assert.deepEqual([other.newLeads, other.newOpportunities, other.wonAmount], [0, 0, '0.00']);
    });

    it('one pool group; a period without leads divides by nothing and answers null', async () => {
      const g2 = await get(c.admin, `/api/v1/analytics/lead-conversion-stats?${MARCH}&groupId=${id.G2}`);
      assert.deepEqual(
        [g2.groupId, g2.newLeads, g2.followRate, g2.newOpportunities, g2.opportunityAmount, g2.leadToOpportunityRate, g2.averageOpportunityAmount, g2.won, g2.wonAmount, g2.opportunityToWonRate, g2.averageWonAmount],
        // L3 L5, both followed; O5 O6 O9 (from L3): 8700.00 / 3; won O5 O9
        [id.G2, 2, '1.0000', 3, '8700.00', '1.5000', '2900.00', 2, '8700.00', '0.6667', '4350.00'],
      );
      const empty = await get(c.admin, '/api/v1/analytics/lead-conversion-stats?period=custom&from=2023-01-01&to=2023-01-31');
      assert.deepEqual(
        [empty.newLeads, empty.followRate, empty.newOpportunities, empty.leadToOpportunityRate, empty.averageOpportunityAmount, empty.opportunityToWonRate, empty.averageWonAmount],
        [0, null, 0, null, null, null, null],
      );
    });

    it('refuses a custom period without days, reversed, impossible or too long', async () => {
      for (const q of ['period=custom', 'period=custom&from=2024-03-31&to=2024-03-01', 'period=custom&from=2024-02-30&to=2024-03-01', 'period=custom&from=2000-01-01&to=2024-01-01', 'period=lastYear']) {
        const res = await c.admin.get(`/api/v1/analytics/lead-conversion-stats?${q}`);
        assert.equal(res.statusCode, 400, q);
      }
    });

    it('each count drills down to its records', async () => {
      const admin = async (metric: string) => drill(c.admin, `metric=conversion.${metric}&${MARCH}`);
      assert.deepEqual(names(await admin('leads')), ['L1', 'L2', 'L3', 'L4', 'L5', 'L8', 'L9']);
      assert.deepEqual(names(await admin('followed')), ['L1', 'L3', 'L5']);
      const opps = await admin('opportunities');
      assert.equal(opps.object, 'opportunity');
      assert.deepEqual(names(opps), ['O1', 'O2', 'O4', 'O5', 'O6', 'O7', 'O9']);
      assert.deepEqual(names(await admin('won')), ['O1', 'O4', 'O5', 'O9']);
      assert.deepEqual(names(await drill(c.rep, `metric=conversion.opportunities&${MARCH}`)), ['O1', 'O2', 'O4']);
      assert.deepEqual(names(await drill(c.admin, `metric=conversion.leads&${MARCH}&groupId=${id.G2}`)), ['L3', 'L5']);
      const page = await get(c.admin, `/api/v1/analytics/drill?metric=conversion.leads&${MARCH}&pageSize=3&page=3`);
      assert.deepEqual([page.total, page.items.length], [7, 1]);
      assert.equal((await c.admin.get('/api/v1/analytics/drill?metric=conversion.nothing')).statusCode, 400);
    });
  });

  describe('§3.2.9 线索公海池数据分析', () => {
    it('per group the caller belongs to: leads by state now, pool actions in the period', async () => {
      const body = await get(c.admin, `/api/v1/analytics/lead-pool?${MARCH}`);
      assert.deepEqual(body.period, { from: '2024-03-01', to: '2024-03-31' });
      assert.deepEqual(body.rows, [
        // D: L4 in the pool; L1 L2 L6 L8 L9 held (all converted); L7 abandoned. Claims E1 E2 E10, assigns E3 E8, return E4.
        { groupId: id.D, name: '默认线索池', inPool: 1, held: 5, abandoned: 1, converted: 5, claims: 3, assigns: 2, returns: 1, recycles: 0 },
        // G2: L5 in the pool, L3 held and converted. Claims E6 and E9 (which names only the group it left), recycle E5.
        { groupId: id.G2, name: '华东线索池', inPool: 1, held: 1, abandoned: 0, converted: 1, claims: 2, assigns: 0, returns: 0, recycles: 1 },
      ]);
      assert.deepEqual(body.total, { inPool: 2, held: 6, abandoned: 1, converted: 6, claims: 5, assigns: 2, returns: 1, recycles: 1 });
    });

    it('a rep sees only their groups and the leads they may read', async () => {
      const body = await get(c.rep, `/api/v1/analytics/lead-pool?${MARCH}`);
      // rep is not in G2; in D they read L4 and L7 (nobody's) and L1 L2 L6 L9 (own), not L8 nor its claim E10.
      assert.deepEqual(body.rows, [
        { groupId: id.D, name: '默认线索池', inPool: 1, held: 4, abandoned: 1, converted: 4, claims: 2, assigns: 2, returns: 1, recycles: 0 },
      ]);
      const other = await get(outsider, `/api/v1/analytics/lead-pool?${MARCH}`);
      assert.deepEqual(other.rows.map((r: { inPool: number; claims: number }) => [r.inPool, r.claims]), [[0, 0]]);
    });

    it('each count drills down to its leads (one item per action for the event counts)', async () => {
      assert.deepEqual(names(await drill(c.admin, `metric=pool.held&key=${id.D}&${MARCH}`)), ['L1', 'L2', 'L6', 'L8', 'L9']);
      assert.deepEqual(names(await drill(c.admin, `metric=pool.claims&key=${id.D}&${MARCH}`)), ['L1', 'L2', 'L8']);
      assert.deepEqual(names(await drill(c.admin, `metric=pool.claims&${MARCH}`)), ['L1', 'L2', 'L3', 'L5', 'L8']);
      assert.deepEqual(names(await drill(c.admin, `metric=pool.assigns&key=${id.D}&${MARCH}`)), ['L4', 'L9']);
      assert.deepEqual(names(await drill(c.rep, `metric=pool.claims&key=${id.D}&${MARCH}`)), ['L1', 'L2']);
      assert.equal((await drill(c.rep, `metric=pool.inPool&key=${id.G2}&${MARCH}`)).total, 0, 'not a member of G2');
      assert.equal((await c.admin.get(`/api/v1/analytics/drill?metric=pool.claims&key=nope&${MARCH}`)).statusCode, 400);
    });
  });

  describe('导出 of the reports', () => {
    const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(','));
    const download = async (client: Client, url: string) => {
      const res = await client.get(url);
      assert.equal(res.statusCode, 200, res.body);
      return res;
    };

    it('线索公海池分析 as CSV: the rows and total the page shows, only what the caller may read', async () => {
      const res = await download(c.admin, `/api/v1/analytics/lead-pool/export?${MARCH}&format=csv&encoding=utf-8`);
      assert.match(String(res.headers['content-disposition']), /filename="lead-pool-analysis-\d{4}-\d{2}-\d{2}\.csv"/);
      assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''%E7%BA%BF%E7%B4%A2/); // 线索公海池分析-….csv
      assert.deepEqual(csvRows(res.body), [
        ['公海分组', '公海中', '已领取', '已废弃', '已转换', '领取', '分配', '退回', '收回'],
        ['默认线索池', '1', '5', '1', '5', '3', '2', '1', '0'],
        ['华东线索池', '1', '1', '0', '1', '2', '0', '0', '1'],
        ['合计', '2', '6', '1', '6', '5', '2', '1', '1'],
      ]);
      const rep = csvRows((await download(c.rep, `/api/v1/analytics/lead-pool/export?${MARCH}&format=csv&encoding=utf-8`)).body);
      assert.deepEqual(rep.slice(1), [['默认线索池', '1', '4', '1', '4', '2', '2', '1', '0'], ['合计', '1', '4', '1', '4', '2', '2', '1', '0']]);
    });

    it('线索转换率 by campaign as XLSX: rates as the page shows them, the leads of no campaign named', async () => {
      const res = await download(c.admin, `/api/v1/analytics/lead-conversion/export?by=campaign&${MARCH}&format=xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      assert.equal(sheet.name, '线索转换率');
      // Inline strings (no shared-string table) read back as rich text.
      const text = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? ''));
      const values = (sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((row) => Array.from(row.slice(1), text));
      assert.deepEqual(values[0], ['市场活动', '线索数', '转为客户', '客户转化率', '转换商机', '商机转化率', '商机赢单', '赢单率']);
      const row = (name: string) => values.find((r) => r[0] === name);
      assert.deepEqual(row('春季展会'), ['春季展会', '3', '2', '66.67%', '3', '100.00%', '2', '66.67%']);
      // No 赢单率 (no opportunity to divide by): an empty cell, the row's last, which the sheet leaves out.
      assert.deepEqual(row('（无市场活动）'), ['（无市场活动）', '1', '0', '0.00%', '0', '0.00%', '0']);
      assert.deepEqual(values.at(-1), ['合计', '7', '5', '71.43%', '7', '100.00%', '4', '57.14%']);
    });

    it('a bad period is a 400 in the caller\'s language, before any byte of a file', async () => {
      const res = await c.admin.get('/api/v1/analytics/lead-conversion/export?period=custom&from=2024-03-31&to=2024-03-01');
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.message, /开始日期不能晚于结束日期/);
    });
  });

  describe('§4.1.10 线索转换率', () => {
    type Row = { key: string; name: string | null; leads: number; converted: number; convertedRate: string | null; opportunities: number; opportunityRate: string | null; won: number; wonRate: string | null };
    const figures = (r: Row) => [r.leads, r.converted, r.convertedRate, r.opportunities, r.opportunityRate, r.won, r.wonRate];
    const rowsOf = async (client: Client, by: string) => {
      const body = await get(client, `/api/v1/analytics/lead-conversion?by=${by}&${MARCH}`);
      return { ...body, row: (key: string) => body.rows.find((r: Row) => r.key === key) as Row };
    };

    it('by pool: each group, and a total that counts an opportunity once', async () => {
      const body = await rowsOf(c.admin, 'pool');
      assert.deepEqual(body.rows.map((r: Row) => r.name), ['默认线索池', '华东线索池'], 'most leads first');
      // D: L1 L2 L4 L8 L9; converted L1 L2 L8 L9; O1 O2 (L1) O4 (L2) O7 (L8) O9 (L9); won O1 O4 O9
      assert.deepEqual(figures(body.row(id.D!)), [5, 4, '0.8000', 5, '1.0000', 3, '0.6000']);
      // G2: L3 L5; converted L3; O5 O6 O9; won O5 O9
      assert.deepEqual(figures(body.row(id.G2!)), [2, 1, '0.5000', 3, '1.5000', 2, '0.6667']);
      // O9 is in both rows, once in the total: 7 leads, 5 converted, 7 opportunities, 4 won.
      assert.deepEqual(figures(body.total), [7, 5, '0.7143', 7, '1.0000', 4, '0.5714']);
    });

    it('by campaign and by campaign owner, with the leads of no campaign as a row of their own', async () => {
      const byCampaign = await rowsOf(c.admin, 'campaign');
      assert.equal(byCampaign.row(id.C1!).name, '春季展会');
      assert.deepEqual(figures(byCampaign.row(id.C1!)), [3, 2, '0.6667', 3, '1.0000', 2, '0.6667']); // L1 L2 L4 → O1 O2 O4
      assert.deepEqual(figures(byCampaign.row(id.C2!)), [3, 3, '1.0000', 4, '1.3333', 2, '0.5000']); // L3 L8 L9 → O5 O6 O7 O9
      assert.deepEqual(figures(byCampaign.row('none')), [1, 0, '0.0000', 0, '0.0000', 0, null]); // L5
      assert.equal(byCampaign.row('none').name, null);

      const byOwner = await rowsOf(c.admin, 'campaignOwner');
      assert.deepEqual(figures(byOwner.rows.find((r: Row) => r.name === '钱经理')), figures(byCampaign.row(id.C1!)));
      assert.deepEqual(figures(byOwner.rows.find((r: Row) => r.name === '李同事')), figures(byCampaign.row(id.C2!)));
    });

    it('a rep counts only what they may read', async () => {
      const body = await rowsOf(c.rep, 'campaign');
      assert.deepEqual(figures(body.row(id.C1!)), [3, 2, '0.6667', 3, '1.0000', 2, '0.6667']); // L1 L2 L4 → O1 O2 O4
      assert.deepEqual(figures(body.row(id.C2!)), [1, 1, '1.0000', 0, '0.0000', 0, null]); // L9 → O9 is peer's
      assert.equal(body.row('none'), undefined, 'L5 is in G2');
    });

    it('each row drills down to its records with the same key', async () => {
      assert.deepEqual(names(await drill(c.admin, `metric=conversion.opportunities&by=pool&key=${id.D}&${MARCH}`)), ['O1', 'O2', 'O4', 'O7', 'O9']);
      assert.deepEqual(names(await drill(c.admin, `metric=conversion.converted&by=campaign&key=${id.C2}&${MARCH}`)), ['L3', 'L8', 'L9']);
      assert.deepEqual(names(await drill(c.admin, `metric=conversion.leads&by=campaign&key=none&${MARCH}`)), ['L5']);
      const peerKey = (await rowsOf(c.admin, 'campaignOwner')).rows.find((r: Row) => r.name === '李同事').key;
      assert.deepEqual(names(await drill(c.admin, `metric=conversion.won&by=campaignOwner&key=${peerKey}&${MARCH}`)), ['O5', 'O9']);
      // Every count of every row equals its drill-down's total.
      for (const by of ['pool', 'campaign', 'campaignOwner']) {
        for (const client of [c.admin, c.rep]) {
          const body = await rowsOf(client, by);
          for (const row of body.rows as Row[]) {
            for (const metric of ['leads', 'converted', 'opportunities', 'won'] as const) {
              const listed = await drill(client, `metric=conversion.${metric}&by=${by}&key=${row.key}&${MARCH}`);
              assert.equal(listed.total, row[metric], `${by} ${row.name} ${metric}`);
              assert.equal(listed.items.length, row[metric]);
            }
          }
        }
      }
    });
  });
});

describe('昨日 / 本周 / 本月 in the company\'s time zone, weeks from Monday', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  const ZONE = 'Asia/Shanghai';
  const localDay = (date: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE }).format(date);
  const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const created: string[] = [];

  before(async () => {
    t = await startTestApp();
    let org: Awaited<ReturnType<typeof createOrg>>;
    ({ org, c } = await signedInOrg(t));
    const f = analyticsFixtures(t.database.db, org.tenantId);
    const groupId = await f.defaultGroup();
    const today = localDay(new Date());
    const monthStart = `${today.slice(0, 8)}01`;
    // Yesterday noon, today's first second, the month's first second, and 40 days ago (in no period).
    for (const [i, moment] of [`${shift(today, -1)}T12:00:00`, `${today}T00:00:01`, `${monthStart}T00:00:01`, `${shift(today, -40)}T12:00:00`].entries()) {
      await f.lead({ name: `P${i}`, ownerId: org.userIds.rep, groupId, createdAt: `${moment}+08:00` });
      created.push(moment.slice(0, 10));
    }
  });
  after(() => t.close());

  it('each period covers the right days and counts the leads created in them', async () => {
    const today = localDay(new Date());
    const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1));
    const expected = {
      yesterday: { from: shift(today, -1), to: shift(today, -1) },
      thisWeek: { from: shift(today, -dow), to: shift(today, 6 - dow) },
      thisMonth: { from: `${today.slice(0, 8)}01`, to: shift(nextMonth.toISOString().slice(0, 10), -1) },
    };
    for (const [period, range] of Object.entries(expected)) {
      const res = await c.rep.get(`/api/v1/analytics/lead-conversion-stats?period=${period}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.period, range, period);
      assert.equal(body.newLeads, created.filter((day) => day >= range.from && day <= range.to).length, period);
    }
    // No period given: this month.
    assert.deepEqual((await c.rep.get('/api/v1/analytics/lead-conversion-stats')).json().period, expected.thisMonth);
  });
});
