import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { lineTotal, sumOfTotals } from '../src/objects/opportunity-lines/line-total';
import { startTestApp, type Client, type TestApp } from './support/app';
import { signedInOrg, type createOrg, type Seat } from './support/org';

type Org = Awaited<ReturnType<typeof createOrg>>;
type Rec = { id: string; version: number } & Record<string, unknown>;
interface Line { id: string; productName: string; price: string; quantity: string; discount: string; total: string; unit: string | null; standardPrice: string | null }
interface Lines { items: Line[]; total: string; amount: string | null; version: number; canWrite: boolean }
interface HistoryItem { action: string; changes: { field: string; label: string; oldText: string | null; newText: string | null }[] }

describe('产品明细: line totals in exact decimals, rounded half-up to the cent', () => {
  it('works the manual\'s columns out: price × quantity × discount%, one rounding at the end', () => {
    assert.equal(lineTotal('33.33', '3', '95'), '94.99', '99.99 × 0.95 = 94.9905');
    assert.equal(lineTotal('33.33', '3', '100'), '99.99');
    assert.equal(lineTotal('0.10', '1', '95'), '0.10', '0.095: the half goes up');
    assert.equal(lineTotal('0.05', '0.1', '100'), '0.01', '0.005: the half goes up');
    assert.equal(lineTotal('19.99', '1.5', '100'), '29.99', '29.985: quantity decimals, half up');
    assert.equal(lineTotal('2.50', '0.3333', '100'), '0.83', '0.83325 rounds down');
    assert.equal(lineTotal('0.10', '3', '100'), '0.30', 'no binary-float drift (0.1 × 3)');
    assert.equal(lineTotal('1000', '2', '85.5'), '1710.00');
    assert.equal(lineTotal('9999999999999999.99', '1', '100'), '9999999999999999.99', 'the widest amount stays exact');
    assert.equal(sumOfTotals(['94.99', '0.01', '0.10']), '95.10');
    assert.equal(sumOfTotals([]), '0.00');
  });
});

describe('销售机会的产品、联系人、合作伙伴与竞争对手 (§3.7.5)', () => {
  let t: TestApp;
  let org: Org;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let account: Rec;
  let opportunity: Rec;
  const products: Record<string, Rec> = {};
  const categories = { hardware: '', servers: '', software: '' };

  const create = async (client: Client, object: string, values: Record<string, unknown>): Promise<Rec> => {
    const res = await client.post(`/api/v1/${object}`, values);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const read = async (client: Client, object: string, id: string): Promise<Rec> => (await client.get(`/api/v1/${object}/${id}`)).json();
  const lines = async (client: Client, id = opportunity.id): Promise<Lines> => {
    const res = await client.get(`/api/v1/opportunity/${id}/products`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const history = async (id = opportunity.id): Promise<HistoryItem[]> => (await c.rep.get(`/api/v1/opportunity/${id}/history?pageSize=100`)).json().items;
  const addCategory = async (name: string, parentId?: string) => {
    const res = await c.admin.post('/api/v1/product-categories', { name, parentId });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    categories.hardware = await addCategory('硬件');
    categories.servers = await addCategory('服务器', categories.hardware);
    categories.software = await addCategory('软件');
    products.server = await create(c.admin, 'product', { name: '机架服务器', price: '33.33', unit: '台', categoryId: categories.servers });
    products.licence = await create(c.admin, 'product', { name: '销售软件授权', price: '1000.00', unit: '套', categoryId: categories.software });
    products.retired = await create(c.admin, 'product', { name: '停产型号', price: '10.00', enabled: false });
    products.unpriced = await create(c.admin, 'product', { name: '定制服务' });
    account = await create(c.rep, 'account', { name: '北京仁科互动' });
    opportunity = await create(c.rep, 'opportunity', { name: '仁科服务器采购', accountId: account.id, amount: '5000.00' });
    for (const [seat, access] of [['teamRead', 'read'], ['teamWrite', 'write']] as const) {
      assert.equal((await c.rep.put(`/api/v1/opportunity/${opportunity.id}/team/${org.userIds[seat]}`, { access })).statusCode, 204);
    }
  });
  after(() => t.close());

  describe('产品目录 and the catalogue', () => {
    it('keeps a category tree whose paths are the product form\'s 产品目录 options', async () => {
      const tree = (await c.rep.get('/api/v1/product-categories')).json().items as { id: string; path: string; productCount: number }[];
      assert.deepEqual(tree.map((n) => n.path), ['硬件', '硬件 / 服务器', '软件']);
      assert.equal(tree.find((n) => n.id === categories.servers)!.productCount, 1);
      const meta = (await c.rep.get('/api/v1/metadata/objects/product')).json();
      const field = meta.fields.find((f: { key: string }) => f.key === 'categoryId');
      assert.deepEqual(field.options.map((o: { label: { zh: string } }) => o.label.zh), ['硬件', '硬件 / 服务器', '软件']);
      const listed = (await c.rep.get(`/api/v1/product?filter=${encodeURIComponent(JSON.stringify({ field: 'categoryId', op: 'in', value: [categories.servers] }))}`)).json();
      assert.deepEqual(listed.items.map((p: Rec) => p.name), ['机架服务器']);
    });

    it('refuses cycles, twin sibling names and deleting a category in use', async () => {
      const racks = await addCategory('机柜', categories.servers);
      const version = async (id: string) => ((await c.admin.get('/api/v1/product-categories')).json().items as { id: string; version: number }[]).find((n) => n.id === id)!.version;
      const under = async (id: string, parentId: string | null) =>
        c.admin.patch(`/api/v1/product-categories/${id}`, { parentId, version: await version(id) });
      assert.equal((await under(categories.hardware, racks)).statusCode, 400, 'under its own grandchild');
      assert.equal((await under(categories.hardware, categories.hardware)).statusCode, 400, 'under itself');
      assert.equal((await under(categories.servers, categories.servers)).statusCode, 400);
      assert.equal((await c.admin.post('/api/v1/product-categories', { name: ' 服务器 ', parentId: categories.hardware })).statusCode, 409);
      assert.equal((await c.admin.post('/api/v1/product-categories', { name: '服务器' })).statusCode, 201, 'the same name at another level is fine');
      const moved = await under(racks, categories.software);
      assert.equal(moved.statusCode, 200, moved.body);
      assert.ok(moved.json().items.some((n: { path: string }) => n.path === '软件 / 机柜'));
      assert.equal((await c.admin.patch(`/api/v1/product-categories/${racks}`, { name: '机柜2', version: 1 })).statusCode, 409, 'stale version');
      assert.equal((await c.admin.delete(`/api/v1/product-categories/${categories.hardware}`)).statusCode, 409, 'has a subcategory');
      assert.equal((await c.admin.delete(`/api/v1/product-categories/${categories.servers}`)).statusCode, 409, 'holds a product');
      assert.equal((await c.admin.delete(`/api/v1/product-categories/${racks}`)).statusCode, 200);
      const shifted = await c.admin.post(`/api/v1/product-categories/${categories.software}/shift`, { direction: 'up' });
      assert.deepEqual(shifted.json().items.filter((n: { parentId: string | null }) => !n.parentId).map((n: { name: string }) => n.name), ['软件', '硬件', '服务器'], '上移 swaps 软件 with 硬件');
    });

    it('belongs to administrators: reps read it but neither edit the tree nor the products', async () => {
      assert.equal((await c.rep.post('/api/v1/product-categories', { name: '配件' })).statusCode, 403);
      assert.equal((await c.rep.post('/api/v1/product', { name: '私自添加' })).statusCode, 403);
      const server = await read(c.rep, 'product', products.server!.id);
      assert.equal(server.name, '机架服务器');
      assert.equal((await c.rep.patch(`/api/v1/product/${server.id}`, { price: '1.00', version: server.version })).statusCode, 403);
      assert.equal((await c.rep.delete(`/api/v1/product/${products.unpriced!.id}`)).statusCode, 403);
      assert.equal((await read(c.admin, 'product', products.unpriced!.id)).name, '定制服务', 'the refused delete changed nothing');
      assert.equal((await c.admin.post('/api/v1/product', { name: '无目录', categoryId: '00000000-0000-4000-8000-000000000000' })).statusCode, 400);
    });
  });

  describe('产品明细 and the amount', () => {
    it('adds lines at the standard price or a given one; the amount becomes their sum through the engine', async () => {
      const res = await c.rep.post(`/api/v1/opportunity/${opportunity.id}/products`, {
        items: [{ productId: products.server!.id, quantity: 3, discount: 95 }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as Lines;
      assert.equal(body.items.length, 1);
      assert.deepEqual(
        { price: body.items[0]!.price, quantity: body.items[0]!.quantity, discount: body.items[0]!.discount, total: body.items[0]!.total, unit: body.items[0]!.unit },
        { price: '33.33', quantity: '3', discount: '95', total: '94.99', unit: '台' },
      );
      assert.equal(body.amount, '94.99', 'the manual 5000.00 gave way to the lines');
      assert.equal(body.canWrite, true);

      const more = await c.teamWrite.post(`/api/v1/opportunity/${opportunity.id}/products`, {
        items: [{ productId: products.licence!.id, quantity: '1.5', discount: '90', remark: '首年' }, { productId: products.unpriced!.id, price: '200', quantity: 1 }],
      });
      assert.equal(more.statusCode, 201, more.body);
      assert.deepEqual(more.json().items.map((l: Line) => l.total), ['94.99', '1350.00', '200.00']);
      assert.equal(more.json().amount, '1644.99');
      assert.equal(more.json().total, '1644.99');
      const record = await read(c.rep, 'opportunity', opportunity.id);
      assert.equal(record.amount, '1644.99');
      assert.equal(record.version, opportunity.version + 2, 'each amount change is an engine update');

      const amounts = (await history()).filter((h) => h.action === 'update').flatMap((h) => h.changes).filter((ch) => ch.field === 'amount');
      assert.deepEqual(amounts.map((ch) => [ch.oldText, ch.newText]), [['94.99', '1644.99'], ['5000.00', '94.99']]);
      // The engine's update hooks saw each amount change: the forecast's event log has them (objects/opportunity).
      const events = await t.database.db.selectFrom('record_events').select('detail')
        .where('record_id', '=', opportunity.id).where('kind', '=', 'forecast_change').orderBy('id').execute();
      assert.deepEqual(events.map((e) => (e.detail as { amount?: unknown }).amount).filter(Boolean).slice(-2), [{ from: '5000.00', to: '94.99' }, { from: '94.99', to: '1644.99' }]);
      const added = (await history()).filter((h) => h.action === 'product_add');
      assert.equal(added.length, 2, 'one log entry per action');
      assert.equal(added[1]!.changes[0]!.label, '产品明细');
      assert.equal(added[1]!.changes[0]!.newText, '机架服务器 · 33.33 × 3 × 95% = 94.99');
      assert.equal(added[0]!.changes.length, 2);
    });

    it('changes and removes lines with the amount following; with no lines left the amount is manual again', async () => {
      const current = await lines(c.rep);
      const [server, licence, service] = current.items;
      const changed = await c.rep.patch(`/api/v1/opportunity/${opportunity.id}/products/${server!.id}`, { quantity: '4' });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().items[0].total, '126.65', '133.32 × 0.95 = 126.654');
      assert.equal(changed.json().amount, '1676.65');
      const log = (await history()).find((h) => h.action === 'product_update')!;
      assert.deepEqual([log.changes[0]!.oldText, log.changes[0]!.newText], ['机架服务器 · 33.33 × 3 × 95% = 94.99', '机架服务器 · 33.33 × 4 × 95% = 126.65']);

      // While lines exist the amount is theirs: a different amount is refused on its field, the same one passes.
      let record = await read(c.rep, 'opportunity', opportunity.id);
      const manual = await c.rep.patch(`/api/v1/opportunity/${opportunity.id}`, { amount: '9999.00', version: record.version });
      assert.equal(manual.statusCode, 400);
      assert.equal(manual.json().error.details[0].field, 'amount');
      assert.equal((await c.rep.patch(`/api/v1/opportunity/${opportunity.id}`, { amount: '1676.65', name: '仁科服务器采购（一期）', version: record.version })).statusCode, 200);

      for (const line of [licence!, service!]) {
        assert.equal((await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/products/${line.id}`)).statusCode, 200);
      }
      assert.equal((await lines(c.rep)).amount, '126.65');
      const last = await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/products/${server!.id}`);
      assert.equal(last.statusCode, 200, last.body);
      assert.deepEqual(last.json().items, []);
      assert.equal(last.json().amount, '126.65', 'without lines the amount keeps its last value');
      assert.equal((await history()).filter((h) => h.action === 'product_remove').length, 3);
      record = await read(c.rep, 'opportunity', opportunity.id);
      const handEdited = await c.rep.patch(`/api/v1/opportunity/${opportunity.id}`, { amount: '8000.00', version: record.version });
      assert.equal(handEdited.statusCode, 200, handEdited.body);
      assert.equal(handEdited.json().amount, '8000.00');
      assert.equal((await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/products/${server!.id}`)).statusCode, 404, 'already gone');
    });

    it('refuses bad lines whole: disabled products, no price, discounts and quantities out of range', async () => {
      const before = await read(c.rep, 'opportunity', opportunity.id);
      const post = (items: unknown[]) => c.rep.post(`/api/v1/opportunity/${opportunity.id}/products`, { items });
      const ok = { productId: products.server!.id, quantity: 1 };
      assert.equal((await post([ok, { productId: products.retired!.id, quantity: 1 }])).statusCode, 400, 'a disabled product');
      assert.equal((await post([{ productId: products.unpriced!.id, quantity: 1 }])).statusCode, 400, 'no standard price and none given');
      for (const bad of [{ discount: 0 }, { discount: 100.5 }, { quantity: 0 }, { quantity: '1.23456' }, { quantity: -1 }, { price: '-1' }, { price: '1.234' }]) {
        assert.equal((await post([{ ...ok, ...bad }])).statusCode, 400, JSON.stringify(bad));
      }
      assert.equal((await post([{ ...ok, price: '99999999999999.99', quantity: '99999' }])).statusCode, 400, 'a total beyond an amount\'s range');
      assert.equal((await lines(c.rep)).items.length, 0, 'nothing was added');
      const after = await read(c.rep, 'opportunity', opportunity.id);
      assert.deepEqual([after.amount, after.version], [before.amount, before.version]);
    });

    it('lets readers read and refuses them (403); outsiders and colleagues aside get 404', async () => {
      const res = await c.rep.post(`/api/v1/opportunity/${opportunity.id}/products`, { items: [{ productId: products.server!.id, quantity: 2 }] });
      const lineId = (res.json() as Lines).items[0]!.id;
      const readerView = await lines(c.teamRead);
      assert.equal(readerView.items.length, 1);
      assert.equal(readerView.canWrite, false);
      assert.equal((await lines(c.manager)).canWrite, true, 'the owner\'s manager may change them');
      assert.equal((await c.teamRead.post(`/api/v1/opportunity/${opportunity.id}/products`, { items: [{ productId: products.server!.id, quantity: 1 }] })).statusCode, 403);
      assert.equal((await c.teamRead.patch(`/api/v1/opportunity/${opportunity.id}/products/${lineId}`, { quantity: 9 })).statusCode, 403);
      assert.equal((await c.teamRead.delete(`/api/v1/opportunity/${opportunity.id}/products/${lineId}`)).statusCode, 403);
      for (const client of [c.peer, outsider]) {
        assert.equal((await client.get(`/api/v1/opportunity/${opportunity.id}/products`)).statusCode, 404);
        assert.equal((await client.post(`/api/v1/opportunity/${opportunity.id}/products`, { items: [{ productId: products.server!.id, quantity: 1 }] })).statusCode, 404);
        assert.equal((await client.patch(`/api/v1/opportunity/${opportunity.id}/products/${lineId}`, { quantity: 9 })).statusCode, 404);
        assert.equal((await client.delete(`/api/v1/opportunity/${opportunity.id}/products/${lineId}`)).statusCode, 404);
      }
      const after = await lines(c.rep);
      assert.deepEqual([after.items.length, after.items[0]!.quantity, after.amount], [1, '2', '66.66']);
      // A product on a line stays in the catalogue (disable it instead).
      assert.equal((await c.admin.delete(`/api/v1/product/${products.server!.id}`)).statusCode, 409);
    });
  });

  describe('联系人 and the decision chain', () => {
    let buyer: Rec;
    let engineer: Rec;

    before(async () => {
      buyer = await create(c.rep, 'contact', { name: '王采购', accountId: account.id, title: '采购经理' });
      engineer = await create(c.rep, 'contact', { name: '赵工', accountId: account.id, title: 'IT 主管' });
    });

    it('adds contacts of the account with roles, listed along the chain', async () => {
      const add = (contactId: string, role: string) => c.rep.post(`/api/v1/opportunity/${opportunity.id}/contacts`, { contactId, role });
      assert.equal((await add(engineer.id, '技术把关者')).statusCode, 201);
      const res = await add(buyer.id, '决策者');
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().items.map((i: { name: string; role: string }) => `${i.role}:${i.name}`), ['决策者:王采购', '技术把关者:赵工']);
      assert.equal((await add(buyer.id, '影响者')).statusCode, 409, 'already on the opportunity');
      assert.equal((await add(buyer.id, '老板')).statusCode, 400, 'not a role');

      const changed = await c.rep.patch(`/api/v1/opportunity/${opportunity.id}/contacts/${engineer.id}`, { role: '使用者', remark: '负责试用' });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(changed.json().items.map((i: { role: string; remark: string | null }) => [i.role, i.remark]), [['决策者', null], ['使用者', '负责试用']]);
      const log = (await history()).filter((h) => h.action.startsWith('contact_'));
      assert.deepEqual(log.map((h) => h.action), ['contact_update', 'contact_add', 'contact_add']);
      assert.equal(log[0]!.changes[0]!.newText, '赵工 · 使用者');
    });

    it('refuses a contact of another account, and makes a new one on the opportunity\'s account', async () => {
      const elsewhere = await create(c.rep, 'account', { name: '上海别家公司' });
      const stranger = await create(c.rep, 'contact', { name: '钱先生', accountId: elsewhere.id });
      const refused = await c.rep.post(`/api/v1/opportunity/${opportunity.id}/contacts`, { contactId: stranger.id, role: '影响者' });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details[0].field, 'contactId');

      const made = await c.rep.post(`/api/v1/opportunity/${opportunity.id}/contacts/new`, { contact: { name: '孙总', title: '总经理', mobile: '13800138000' }, role: '决策者' });
      assert.equal(made.statusCode, 201, made.body);
      const boss = made.json().items.find((i: { name: string }) => i.name === '孙总');
      assert.equal(boss.role, '决策者');
      const stored = await read(c.rep, 'contact', boss.contactId);
      assert.equal(stored.accountId, account.id, 'a contact made here belongs to the opportunity\'s account');
      assert.equal(stored.ownerId, org.userIds.rep);

      const count = async () => (await c.admin.get(`/api/v1/contact?filter=${encodeURIComponent(JSON.stringify({ field: 'name', op: 'eq', value: '周别处' }))}`)).json().total;
      assert.equal((await c.rep.post(`/api/v1/opportunity/${opportunity.id}/contacts/new`, { contact: { name: '周别处', accountId: elsewhere.id }, role: '其他' })).statusCode, 400);
      assert.equal((await c.rep.post(`/api/v1/opportunity/${opportunity.id}/contacts/new`, { contact: { name: '周别处', email: 'not-an-email' }, role: '其他' })).statusCode, 400);
      assert.equal(await count(), 0, 'refused creations leave no contact behind');
    });

    it('shows readers the chain but only the contacts they may see, and refuses their changes', async () => {
      // The administrator links a contact the rep may not see (held by a colleague elsewhere).
      const hiddenOne = await create(c.admin, 'contact', { name: '李隐藏', accountId: account.id, ownerId: org.userIds.peer });
      assert.equal((await c.admin.post(`/api/v1/opportunity/${opportunity.id}/contacts`, { contactId: hiddenOne.id, role: '影响者' })).statusCode, 201);
      const repView = (await c.rep.get(`/api/v1/opportunity/${opportunity.id}/contacts`)).json();
      assert.equal(repView.hidden, 1);
      assert.ok(!repView.items.some((i: { name: string }) => i.name === '李隐藏'));
      assert.equal((await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/contacts/${hiddenOne.id}`)).statusCode, 404);

      const readerView = await c.teamRead.get(`/api/v1/opportunity/${opportunity.id}/contacts`);
      assert.equal(readerView.statusCode, 200);
      assert.equal(readerView.json().canWrite, false);
      assert.equal((await c.teamRead.post(`/api/v1/opportunity/${opportunity.id}/contacts`, { contactId: buyer.id, role: '其他' })).statusCode, 403);
      assert.equal((await c.teamRead.post(`/api/v1/opportunity/${opportunity.id}/contacts/new`, { contact: { name: '读者新建' }, role: '其他' })).statusCode, 403);
      assert.equal((await c.teamRead.delete(`/api/v1/opportunity/${opportunity.id}/contacts/${buyer.id}`)).statusCode, 403);
      for (const client of [c.peer, outsider]) {
        assert.equal((await client.get(`/api/v1/opportunity/${opportunity.id}/contacts`)).statusCode, 404);
        assert.equal((await client.delete(`/api/v1/opportunity/${opportunity.id}/contacts/${buyer.id}`)).statusCode, 404);
      }
      const removed = await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/contacts/${buyer.id}`);
      assert.equal(removed.statusCode, 200);
      assert.ok(!removed.json().items.some((i: { name: string }) => i.name === '王采购'));
      assert.equal((await read(c.rep, 'contact', buyer.id)).accountId, account.id, 'the contact stays with its account');
    });
  });

  it('describes its routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const mine = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>)
      .filter(([p]) => p.startsWith('/api/v1/product-categories') || /^\/api\/v1\/opportunity\/\{id\}\/(products|contacts|partners|competitors)/.test(p)));
    assert.equal(Object.keys(mine).length, 12, Object.keys(mine).join(', '));
    // Validated on their own so that another module's half-finished schema cannot hide a fault of ours.
    await SwaggerParser.validate({ ...doc, paths: mine });
  });

  describe('合作伙伴 and 竞争对手 from their libraries', () => {
    it('picks entries with a note, changes the note and removes them; the log says so', async () => {
      const partner = await create(c.rep, 'partner', { name: '华北集成商', type: '集成商', phone: '010-88886666' });
      const competitor = await create(c.rep, 'competitor', { name: '某国际厂商', strengths: '品牌知名度高' });
      const added = await c.rep.post(`/api/v1/opportunity/${opportunity.id}/partners`, { targetId: partner.id, note: '负责实施' });
      assert.equal(added.statusCode, 201, added.body);
      assert.deepEqual(added.json().items.map((i: { name: string; note: string; details: Record<string, string> }) => [i.name, i.note, i.details.type]), [['华北集成商', '负责实施', '集成商']]);
      const rival = await c.teamWrite.post(`/api/v1/opportunity/${opportunity.id}/competitors`, { targetId: competitor.id, note: '报价低 20%；我方强调本地服务' });
      assert.equal(rival.statusCode, 201, rival.body);
      assert.equal(rival.json().items[0].details.strengths, '品牌知名度高');
      assert.equal((await c.rep.post(`/api/v1/opportunity/${opportunity.id}/competitors`, { targetId: competitor.id })).statusCode, 409);
      assert.equal((await c.rep.post(`/api/v1/opportunity/${opportunity.id}/competitors`, { targetId: partner.id })).statusCode, 400, 'a partner is not a competitor');

      const noted = await c.rep.patch(`/api/v1/opportunity/${opportunity.id}/competitors/${competitor.id}`, { note: '已降价；我方主打服务' });
      assert.equal(noted.json().items[0].note, '已降价；我方主打服务');
      // In use, the library entry stays.
      assert.equal((await c.rep.delete(`/api/v1/competitor/${competitor.id}`)).statusCode, 409);

      assert.equal((await c.teamRead.get(`/api/v1/opportunity/${opportunity.id}/partners`)).json().items.length, 1);
      assert.equal((await c.teamRead.delete(`/api/v1/opportunity/${opportunity.id}/partners/${partner.id}`)).statusCode, 403);
      assert.equal((await c.teamRead.post(`/api/v1/opportunity/${opportunity.id}/competitors`, { targetId: competitor.id })).statusCode, 403);
      assert.equal((await outsider.get(`/api/v1/opportunity/${opportunity.id}/competitors`)).statusCode, 404);
      assert.equal((await outsider.delete(`/api/v1/opportunity/${opportunity.id}/partners/${partner.id}`)).statusCode, 404);

      const gone = await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/partners/${partner.id}`);
      assert.equal(gone.statusCode, 200);
      assert.deepEqual(gone.json().items, []);
      assert.equal((await c.rep.delete(`/api/v1/opportunity/${opportunity.id}/partners/${partner.id}`)).statusCode, 404);
      const actions = (await history()).map((h) => h.action).filter((a) => a.startsWith('partner_') || a.startsWith('competitor_'));
      assert.deepEqual(actions, ['partner_remove', 'competitor_update', 'competitor_add', 'partner_add']);
      const entry = (await history()).find((h) => h.action === 'competitor_update')!;
      assert.equal(entry.changes[0]!.label, '竞争对手');
      assert.equal(entry.changes[0]!.newText, '某国际厂商 · 已降价；我方主打服务');
    });

    it('deleting the opportunity takes its lines and links with it', async () => {
      const doomed = await create(c.rep, 'opportunity', { name: '待删除机会', accountId: account.id });
      await c.rep.post(`/api/v1/opportunity/${doomed.id}/products`, { items: [{ productId: products.licence!.id, quantity: 1 }] });
      const partner = await create(c.rep, 'partner', { name: '临时伙伴' });
      await c.rep.post(`/api/v1/opportunity/${doomed.id}/partners`, { targetId: partner.id });
      assert.equal((await c.rep.delete(`/api/v1/opportunity/${doomed.id}`)).statusCode, 204);
      assert.equal((await c.rep.delete(`/api/v1/partner/${partner.id}`)).statusCode, 204, 'no longer in use');
    });
  });
});
