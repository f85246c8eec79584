import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from './support/app';
import { signedInOrg, type createOrg, type Seat } from './support/org';

type Org = Awaited<ReturnType<typeof createOrg>>;
type Rec = { id: string; version: number } & Record<string, unknown>;

describe('转移客户 with its related records (§3.5.8)', () => {
  let t: TestApp;
  let org: Org;
  let c: Record<Seat, Client>;

  before(async () => {
    t = await startTestApp();
    ({ org, c } = await signedInOrg(t));
  });
  after(() => t.close());

  const create = async (client: Client, object: string, values: Record<string, unknown>): Promise<Rec> => {
    const res = await client.post(`/api/v1/${object}`, values);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const ownerOf = async (table: string, id: string) =>
    (await sql<{ owner_id: string; department_id: string }>`SELECT owner_id, department_id FROM ${sql.table(table)} WHERE id = ${id}::uuid`.execute(t.database.db)).rows[0]!;

  /** An account of the rep with related records of every kind, some held by others, some closed. */
  async function accountWithRelated(name: string) {
    const account = await create(c.rep, 'account', { name });
    return {
      account,
      contact: await create(c.rep, 'contact', { name: `${name}联系人`, accountId: account.id }),
      peersContact: await create(c.admin, 'contact', { name: `${name}李同事的联系人`, accountId: account.id, ownerId: org.userIds.peer }),
      open: await create(c.rep, 'opportunity', { name: `${name}进行中`, accountId: account.id, stage: '需求确定' }),
      won: await create(c.rep, 'opportunity', { name: `${name}赢单`, accountId: account.id, stage: '赢单' }),
      lost: await create(c.rep, 'opportunity', { name: `${name}输单`, accountId: account.id, stage: '输单', lostReason: '价格' }),
      contract: await create(c.rep, 'contract', { title: `${name}合同`, accountId: account.id, amount: '8000.00' }),
      order: await create(c.rep, 'order', { accountId: account.id, amount: '99.90' }),
    };
  }

  it('lists the kinds of related records a transfer may carry: the objects whose account field points at accounts', async () => {
    const res = await c.rep.get('/api/v1/account/transfer-relations');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { object: string; label: { zh: string }; disabled: boolean }[];
    assert.deepEqual(items.map((i) => i.object).sort(), ['contact', 'contract', 'opportunity', 'order']);
    assert.equal(items.find((i) => i.object === 'contact')!.label.zh, '联系人');
    assert.ok(items.every((i) => !i.disabled));
  });

  it('single: the account and the chosen related records held by its owner move; someone else\'s contact, won and lost opportunities and unchosen kinds stay', async () => {
    const r = await accountWithRelated('单条转移');
    const res = await c.manager.post(`/api/v1/account/${r.account.id}/transfer-with-related`, {
      ownerId: org.userIds.teamWrite, related: ['contact', 'opportunity', 'contract'],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { record: Rec; moved: Record<string, string[]>; kept: Record<string, number> };
    assert.equal(body.record.ownerId, org.userIds.teamWrite);
    assert.equal(body.record.departmentId, org.departments.east, '所属部门 follows the new owner');
    assert.deepEqual(body.moved, { contact: [r.contact.id], opportunity: [r.open.id], contract: [r.contract.id] });
    assert.deepEqual(body.kept, { contact: 1, opportunity: 2, contract: 0 });

    const now = async (table: string, rec: Rec) => (await ownerOf(table, rec.id)).owner_id;
    assert.equal(await now('contacts', r.contact), org.userIds.teamWrite);
    assert.equal((await ownerOf('contacts', r.contact.id)).department_id, org.departments.east);
    assert.equal(await now('contacts', r.peersContact), org.userIds.peer);
    assert.equal(await now('opportunities', r.open), org.userIds.teamWrite);
    assert.equal(await now('opportunities', r.won), org.userIds.rep);
    assert.equal(await now('opportunities', r.lost), org.userIds.rep);
    assert.equal(await now('contracts', r.contract), org.userIds.teamWrite);
    assert.equal(await now('orders', r.order), org.userIds.rep, 'orders were not chosen');

    // Each moved record has its own transfer in the operation log.
    const { rows } = await sql<{ record_id: string }>`SELECT record_id FROM audit_log
      WHERE tenant_id = ${org.tenantId}::uuid AND action = 'transfer' ORDER BY id`.execute(t.database.db);
    assert.deepEqual(rows.map((x) => x.record_id).sort(), [r.account.id, r.contact.id, r.open.id, r.contract.id].sort());
    // The new owner sees the account; the rep no longer does.
    assert.equal((await c.teamWrite.get(`/api/v1/account/${r.account.id}`)).statusCode, 200);
    assert.equal((await c.rep.get(`/api/v1/account/${r.account.id}`)).statusCode, 404);
  });

  it('batch: one result per account with what moved; an account the caller may not transfer fails alone', async () => {
    const x = await accountWithRelated('批量甲');
    const y = await accountWithRelated('批量乙');
    const peers = await create(c.peer, 'account', { name: '李同事的客户' });
    const peersContact = await create(c.peer, 'contact', { name: '李同事客户的联系人', accountId: peers.id });
    const res = await c.manager.post('/api/v1/account/batch/transfer-with-related', {
      ids: [x.account.id, peers.id, y.account.id], ownerId: org.userIds.manager, related: ['contact', 'opportunity', 'contract', 'order'],
    });
    assert.equal(res.statusCode, 200, res.body);
    const results = res.json().results as { id: string; ok: boolean; error?: { code: string }; moved?: Record<string, string[]>; kept?: Record<string, number> }[];
    assert.deepEqual(results.map((r) => [r.id, r.ok]), [[x.account.id, true], [peers.id, false], [y.account.id, true]]);
    assert.equal(results[1]!.error!.code, 'not_found');
    assert.equal(results[1]!.moved, undefined);
    for (const [i, r] of [[0, x], [2, y]] as const) {
      assert.deepEqual(results[i]!.moved, { contact: [r.contact.id], opportunity: [r.open.id], contract: [r.contract.id], order: [r.order.id] });
      assert.deepEqual(results[i]!.kept, { contact: 1, opportunity: 2, contract: 0, order: 0 });
      assert.equal((await ownerOf('accounts', r.account.id)).owner_id, org.userIds.manager);
      assert.equal((await ownerOf('orders', r.order.id)).owner_id, org.userIds.manager);
      assert.equal((await ownerOf('opportunities', r.won.id)).owner_id, org.userIds.rep);
    }
    assert.equal((await ownerOf('accounts', peers.id)).owner_id, org.userIds.peer);
    assert.equal((await ownerOf('contacts', peersContact.id)).owner_id, org.userIds.peer);
  });

  it('without related kinds it is the plain transfer; an unknown kind or user changes nothing', async () => {
    const r = await accountWithRelated('不带相关');
    const bad = await c.rep.post(`/api/v1/account/${r.account.id}/transfer-with-related`, { ownerId: org.userIds.peer, related: ['lead'] });
    assert.equal(bad.statusCode, 400, bad.body);
    const nobody = await c.rep.post(`/api/v1/account/${r.account.id}/transfer-with-related`, { ownerId: org.tenantId, related: ['contact'] });
    assert.equal(nobody.statusCode, 400, nobody.body);
    assert.equal((await ownerOf('accounts', r.account.id)).owner_id, org.userIds.rep);
    assert.equal((await ownerOf('contacts', r.contact.id)).owner_id, org.userIds.rep);

    const res = await c.rep.post(`/api/v1/account/${r.account.id}/transfer-with-related`, { ownerId: org.userIds.peer });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().moved, {});
    assert.equal((await ownerOf('accounts', r.account.id)).owner_id, org.userIds.peer);
    assert.equal((await ownerOf('contacts', r.contact.id)).owner_id, org.userIds.rep);
    // A team member with write rights may edit but not transfer.
    const other = await create(c.rep, 'account', { name: '吴可编辑的客户' });
    assert.equal((await c.rep.put(`/api/v1/account/${other.id}/team/${org.userIds.teamWrite}`, { access: 'write' })).statusCode, 204);
    assert.equal((await c.teamWrite.post(`/api/v1/account/${other.id}/transfer-with-related`, { ownerId: org.userIds.teamWrite, related: [] })).statusCode, 403);
  });
});
