import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from './support/app';
import { signedInOrg, type createOrg, type Seat } from './support/org';

type Org = Awaited<ReturnType<typeof createOrg>>;

describe('转为客户: converting a lead into an account, a contact and an opportunity (§3.3.7)', () => {
  let t: TestApp;
  let org: Org;
  let c: Record<Seat, Client>;
  let outsider: Client;

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
  });
  after(() => t.close());

  const create = async (client: Client, object: string, values: Record<string, unknown>) => {
    const res = await client.post(`/api/v1/${object}`, values);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; version: number } & Record<string, unknown>;
  };
  type LeadRow = {
    status: string; version: number; converted_at: Date | null; converted_account_id: string | null;
    converted_contact_id: string | null; converted_opportunity_id: string | null; updated_by: string;
  };
  const leadRow = async (id: string) => (await sql<LeadRow>`SELECT status, version, converted_at, converted_account_id, converted_contact_id,
    converted_opportunity_id, updated_by FROM leads WHERE id = ${id}::uuid`.execute(t.database.db)).rows[0]!;
  const count = async (table: 'accounts' | 'contacts' | 'opportunities' | 'record_events' | 'audit_log') =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE tenant_id = ${org.tenantId}::uuid`.execute(t.database.db)).rows[0]!.n);
  const counts = async () => ({
    accounts: await count('accounts'), contacts: await count('contacts'), opportunities: await count('opportunities'),
    events: await count('record_events'), audit: await count('audit_log'),
  });
  const convert = (client: Client, leadId: string, body: Record<string, unknown>) => client.post(`/api/v1/lead/${leadId}/convert`, body);

  it('makes the account, its contact and an opportunity from the lead; the lead turns 已转换 with links; its 动态 follow', async () => {
    // The campaign is the marketing admin's: the rep cannot open it, yet the opportunity still carries it.
    const campaign = await create(c.admin, 'campaign', { name: '2026 春季展会' });
    const lead = await create(c.admin, 'lead', {
      name: '张一', companyName: '北京仁科互动', mobile: '13800000001', email: 'zhangyi@renke.cn', title: '采购经理',
      industry: '制造业', campaignId: campaign.id, ownerId: org.userIds.rep,
    });
    const posted = await c.rep.post(`/api/v1/lead/${lead.id}/activities`, { type: '电话', content: '约了下周拜访' });
    assert.equal(posted.statusCode, 201, posted.body);

    const preview = await c.rep.get(`/api/v1/lead/${lead.id}/convert-preview`);
    assert.equal(preview.statusCode, 200, preview.body);
    const p = preview.json();
    assert.deepEqual(p.lead, { id: lead.id, name: '张一', companyName: '北京仁科互动', converted: false });
    assert.equal(p.account.values.name, '北京仁科互动');
    assert.equal(p.account.values.industry, '制造业');
    assert.equal(p.account.values.ownerId, org.userIds.rep);
    assert.equal(p.account.display.ownerId, '孙销售');
    assert.deepEqual(
      { name: p.contact.values.name, mobile: p.contact.values.mobile, email: p.contact.values.email, title: p.contact.values.title },
      { name: '张一', mobile: '13800000001', email: 'zhangyi@renke.cn', title: '采购经理' },
    );
    assert.equal(p.opportunity.values.name, '北京仁科互动');
    assert.equal(p.opportunity.values.stage, '初步接洽', 'the engine\'s default shows in the dialog');
    assert.equal(p.existingAccount, null);

    const before = await counts();
    const res = await convert(c.rep, lead.id, {
      account: { values: { name: '北京仁科互动', level: '重点客户' } },
      contact: { values: { name: '张一', title: '采购总监' } },
      opportunity: { values: { name: '仁科 CRM 项目', amount: '120000.00', closeDate: '2026-12-31' } },
    });
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.equal(result.account.merged, false);
    assert.equal(result.account.name, '北京仁科互动');
    assert.equal(result.contact.name, '张一');
    assert.equal(result.opportunity.name, '仁科 CRM 项目');
    assert.equal(result.movedActivities, 1);
    assert.equal(result.lead.status, '已转换');
    const after = await counts();
    // Events: the conversion, and the new opportunity's first stage and forecast (its stage history).
    assert.deepEqual([after.accounts, after.contacts, after.opportunities, after.events], [before.accounts + 1, before.contacts + 1, before.opportunities + 1, before.events + 3]);

    const account = (await c.rep.get(`/api/v1/account/${result.account.id}`)).json();
    assert.equal(account.level, '重点客户');
    assert.equal(account.industry, '制造业', 'suggested values the caller left out still apply');
    assert.equal(account.source, '线索转化');
    assert.equal(account.ownerId, org.userIds.rep);
    const contact = (await c.rep.get(`/api/v1/contact/${result.contact.id}`)).json();
    assert.equal(contact.accountId, result.account.id);
    assert.equal(contact.title, '采购总监', 'what the caller typed wins over the lead');
    assert.equal(contact.mobile, '13800000001');
    const opportunity = (await c.rep.get(`/api/v1/opportunity/${result.opportunity.id}`)).json();
    assert.equal(opportunity.accountId, result.account.id);
    assert.equal(opportunity.leadId, lead.id);
    assert.equal(opportunity.campaignId, campaign.id);
    assert.equal(opportunity.source, '线索转化');
    assert.equal(opportunity.amount, '120000.00');

    const row = await leadRow(lead.id);
    assert.equal(row.status, '已转换');
    assert.ok(row.converted_at);
    assert.equal(row.version, lead.version + 1);
    assert.equal(row.updated_by, org.userIds.rep);
    assert.deepEqual([row.converted_account_id, row.converted_contact_id, row.converted_opportunity_id], [result.account.id, result.contact.id, result.opportunity.id]);
    const read = (await c.rep.get(`/api/v1/lead/${lead.id}`)).json();
    assert.equal(read.convertedAccountId, result.account.id);
    assert.equal(read.display.convertedAccountId, '北京仁科互动');
    assert.equal(read.display.convertedOpportunityId, '仁科 CRM 项目');

    const event = await t.database.db.selectFrom('record_events').selectAll()
      .where('tenant_id', '=', org.tenantId).where('record_id', '=', lead.id).where('kind', '=', 'convert').executeTakeFirstOrThrow();
    assert.equal(event.object, 'lead');
    assert.equal(event.actor_id, org.userIds.rep);
    assert.deepEqual(event.detail, { accountId: result.account.id, contactId: result.contact.id, opportunityId: result.opportunity.id, merged: false });

    const leadFeed = (await c.rep.get(`/api/v1/lead/${lead.id}/activities`)).json();
    assert.equal(leadFeed.items.length, 0);
    const accountFeed = (await c.rep.get(`/api/v1/account/${result.account.id}/activities`)).json();
    assert.equal(accountFeed.items.length, 1);
    assert.match(JSON.stringify(accountFeed.items[0]), /约了下周拜访/);
    assert.ok(account.lastActivityAt, 'the account is followed up as of the lead\'s last 动态');

    const history = (await c.rep.get(`/api/v1/lead/${lead.id}/history`)).json();
    const entry = history.items.find((i: { action: string }) => i.action === 'convert');
    assert.ok(entry, 'the operation log records the conversion');
    const status = entry.changes.find((ch: { field: string }) => ch.field === 'status');
    assert.deepEqual([status.oldText, status.newText], ['未处理', '已转换']);
  });

  it('refuses to convert a lead twice', async () => {
    const lead = await create(c.rep, 'lead', { name: '重复', companyName: '两次转换公司' });
    assert.equal((await convert(c.rep, lead.id, {})).statusCode, 200);
    const before = await counts();
    const again = await convert(c.rep, lead.id, { account: { values: { name: '另一家' } } });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'already_converted');
    assert.match(again.json().error.message, /已转换/);
    assert.deepEqual(await counts(), before);
    assert.equal((await c.rep.get(`/api/v1/lead/${lead.id}/convert-preview`)).json().lead.converted, true);
    // Nor can its status leave 已转换 through an edit; other fields still change.
    const current = (await c.rep.get(`/api/v1/lead/${lead.id}`)).json();
    const edit = await c.rep.patch(`/api/v1/lead/${lead.id}`, { version: current.version, status: '已联系' });
    assert.equal(edit.statusCode, 409, edit.body);
    assert.equal((await c.rep.patch(`/api/v1/lead/${lead.id}`, { version: current.version, remark: '已签约' })).statusCode, 200);
  });

  it('merges into the account named exactly as the company, making no second account', async () => {
    const existing = await create(c.rep, 'account', { name: '上海易销科技' });
    const lead = await create(c.rep, 'lead', { name: '王五', companyName: '上海易销科技', mobile: '13900000002' });
    const preview = (await c.rep.get(`/api/v1/lead/${lead.id}/convert-preview`)).json();
    assert.deepEqual(preview.existingAccount, { id: existing.id, name: '上海易销科技', ownerName: '孙销售' });

    const before = await counts();
    const res = await convert(c.rep, lead.id, { contact: {} });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().account, { id: existing.id, name: '上海易销科技', merged: true });
    assert.equal(res.json().opportunity, null);
    const after = await counts();
    assert.deepEqual([after.accounts, after.contacts, after.opportunities], [before.accounts, before.contacts + 1, before.opportunities]);
    const contact = (await c.rep.get(`/api/v1/contact/${res.json().contact.id}`)).json();
    assert.deepEqual([contact.accountId, contact.name, contact.mobile], [existing.id, '王五', '13900000002']);
    const row = await leadRow(lead.id);
    assert.equal(row.converted_account_id, existing.id);
    assert.equal(row.converted_opportunity_id, null);
    const event = await t.database.db.selectFrom('record_events').select('detail').where('record_id', '=', lead.id).executeTakeFirstOrThrow();
    assert.equal((event.detail as { merged: boolean }).merged, true);
  });

  it('an account another rep holds is never matched by name, and 合并已有客户 with it is 404 with nothing changed', async () => {
    const hidden = await create(c.peer, 'account', { name: '广州别人的客户' });
    const lead = await create(c.rep, 'lead', { name: '赵六', companyName: '广州别人的客户' });
    assert.equal((await c.rep.get(`/api/v1/lead/${lead.id}/convert-preview`)).json().existingAccount, null);

    const before = await counts();
    const res = await convert(c.rep, lead.id, { account: { mergeInto: hidden.id }, opportunity: {} });
    assert.equal(res.statusCode, 404, res.body);
    assert.deepEqual(await counts(), before);
    const row = await leadRow(lead.id);
    assert.equal(row.status, '未处理');
    assert.equal(row.converted_at, null);
    assert.equal(row.version, lead.version);

    // Merging into one the rep may read, by choice, whatever its name.
    const mine = await create(c.rep, 'account', { name: '广州自己的客户' });
    const merged = await convert(c.rep, lead.id, { account: { mergeInto: mine.id } });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.deepEqual(merged.json().account, { id: mine.id, name: '广州自己的客户', merged: true });
  });

  it('a required account field left empty refuses the whole conversion with the field named in its section', async () => {
    assert.equal((await c.admin.patch('/api/v1/admin/objects/account/fields/website', { required: true })).statusCode, 200);
    try {
      const campaignless = await create(c.rep, 'lead', { name: '钱七', companyName: '深圳必填测试' });
      await c.rep.post(`/api/v1/lead/${campaignless.id}/activities`, { type: '拜访', content: '上门' });
      const before = await counts();
      const res = await convert(c.rep, campaignless.id, { account: { values: { name: '深圳必填测试' } }, opportunity: {} });
      assert.equal(res.statusCode, 400, res.body);
      const error = res.json().error;
      assert.deepEqual(error.details, [{ field: 'website', reason: 'required', section: 'account' }]);
      assert.match(error.message, /^客户信息：.*网址/);
      assert.deepEqual(await counts(), before);
      const row = await leadRow(campaignless.id);
      assert.deepEqual([row.status, row.version, row.converted_account_id], ['未处理', campaignless.version, null]);
      assert.equal((await c.rep.get(`/api/v1/lead/${campaignless.id}/activities`)).json().items.length, 1, 'the 动态 stay on the lead');

      // A bad contact value is reported in the contact's section, and again nothing is made.
      const bad = await convert(c.rep, campaignless.id, { account: { values: { website: 'https://szbt.cn' } }, contact: { values: { email: 'not-an-email' } } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().error.details, [{ field: 'email', reason: 'bad_email', section: 'contact' }]);
      assert.deepEqual(await counts(), before);

      const ok = await convert(c.rep, campaignless.id, { account: { values: { website: 'https://szbt.cn' } } });
      assert.equal(ok.statusCode, 200, ok.body);
    } finally {
      assert.equal((await c.admin.patch('/api/v1/admin/objects/account/fields/website', { required: false })).statusCode, 200);
    }
  });

  it('needs write access to the lead: a read-only team member gets 403, another company 404', async () => {
    const lead = await create(c.rep, 'lead', { name: '孙八', companyName: '只读测试公司' });
    assert.equal((await c.rep.put(`/api/v1/lead/${lead.id}/team/${org.userIds.teamRead}`, { access: 'read' })).statusCode, 204);
    assert.equal((await c.teamRead.get(`/api/v1/lead/${lead.id}/convert-preview`)).statusCode, 200, 'readers may look');
    const before = await counts();
    assert.equal((await convert(c.teamRead, lead.id, {})).statusCode, 403);
    assert.equal((await convert(c.peer, lead.id, {})).statusCode, 404);
    assert.equal((await convert(outsider, lead.id, {})).statusCode, 404);
    assert.equal((await outsider.get(`/api/v1/lead/${lead.id}/convert-preview`)).statusCode, 404);
    assert.deepEqual(await counts(), before);
    assert.equal((await leadRow(lead.id)).status, '未处理');
    // The rep's manager may convert it.
    assert.equal((await convert(c.manager, lead.id, {})).statusCode, 200);
  });

  it('a team member with write access converts someone else\'s lead into records of their own', async () => {
    const lead = await create(c.rep, 'lead', { name: '周九', companyName: '团队成员转换公司' });
    assert.equal((await c.rep.put(`/api/v1/lead/${lead.id}/team/${org.userIds.teamWrite}`, { access: 'write' })).statusCode, 204);
    const preview = (await c.teamWrite.get(`/api/v1/lead/${lead.id}/convert-preview`)).json();
    assert.equal(preview.account.values.ownerId, org.userIds.teamWrite, 'not the rep, whose records the team member cannot open');

    // An owner whose records the converter cannot see would leave them an account they cannot open.
    const before = await counts();
    const hidden = await convert(c.teamWrite, lead.id, { account: { values: { ownerId: org.userIds.rep } } });
    assert.equal(hidden.statusCode, 400, hidden.body);
    assert.deepEqual(hidden.json().error.details, [{ field: 'ownerId', reason: 'owner_not_visible', section: 'account' }]);
    assert.deepEqual(await counts(), before);

    const res = await convert(c.teamWrite, lead.id, {});
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await c.teamWrite.get(`/api/v1/account/${res.json().account.id}`)).json().ownerId, org.userIds.teamWrite);
  });

  it('describes both routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => p.startsWith('/api/v1/lead/{id}/convert')));
    assert.deepEqual(Object.keys(paths).sort(), ['/api/v1/lead/{id}/convert', '/api/v1/lead/{id}/convert-preview']);
    await SwaggerParser.validate({ ...doc, paths });
  });
});
