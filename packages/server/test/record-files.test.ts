import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';
import { PDF, PNG, uploadFile } from './support/uploads';

describe('文档: documents attached to records', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let leadId: string;
  const url = () => `/api/v1/lead/${leadId}/files`;

  before(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    c = await org.clients();
    outsider = (await (await createOrg(t)).clients()).admin;
    leadId = (await c.rep.post('/api/v1/lead', { name: '李四', companyName: '北京仁科互动' })).json().id;
    assert.equal((await c.rep.put(`/api/v1/lead/${leadId}/team/${org.userIds.teamRead}`, { access: 'read' })).statusCode, 204);
    assert.equal((await c.rep.put(`/api/v1/lead/${leadId}/team/${org.userIds.teamWrite}`, { access: 'write' })).statusCode, 204);
  });
  after(() => t.close());

  const names = async (client: Client) => (await client.get(url())).json().items.map((f: { fileName: string }) => f.fileName);

  it('uploads a document, lists it newest first and serves it', async () => {
    const res = await uploadFile(t, c.rep, url(), '报价单 (v2).pdf', PDF, 'application/pdf');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().mimeType, 'application/pdf');
    assert.equal(res.json().addedBy.name, '孙销售');
    assert.equal((await uploadFile(t, c.rep, url(), '名片.png', PNG)).statusCode, 201);
    assert.deepEqual(await names(c.teamRead), ['名片.png', '报价单 (v2).pdf']);
    const served = await c.teamRead.get(res.json().url);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'application/pdf');
  });

  it('judges the type from the bytes: a script named .png is refused and nothing is stored', async () => {
    const res = await uploadFile(t, c.rep, url(), 'avatar.png', Buffer.from('<script>alert(1)</script>\u0000'), 'image/png');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'file_type_not_allowed');
    assert.equal((await names(c.rep)).length, 2);
  });

  it('needs edit rights to upload; read-only team members only read', async () => {
    const res = await uploadFile(t, c.teamRead, url(), 'x.pdf', PDF);
    assert.equal(res.statusCode, 403);
    assert.equal((await uploadFile(t, c.teamWrite, url(), '团队成员.pdf', PDF)).statusCode, 201);
  });

  it('deletes: the uploader, or whoever may delete the record; not other members', async () => {
    const files = (await c.rep.get(url())).json().items as { id: string; fileName: string }[];
    const byName = (n: string) => files.find((f) => f.fileName === n)!.id;
    assert.equal((await c.teamWrite.delete(`${url()}/${byName('名片.png')}`)).statusCode, 403, 'a read/write member may not delete others\' files');
    assert.equal((await c.teamRead.delete(`${url()}/${byName('团队成员.pdf')}`)).statusCode, 403);
    assert.equal((await c.teamWrite.delete(`${url()}/${byName('团队成员.pdf')}`)).statusCode, 204, 'the uploader may');
    assert.equal((await c.manager.delete(`${url()}/${byName('名片.png')}`)).statusCode, 204, 'the owner\'s manager may');
    assert.deepEqual(await names(c.rep), ['报价单 (v2).pdf']);
    assert.equal((await c.rep.get(`/api/v1/files/${byName('名片.png')}`)).statusCode, 404, 'the file itself is gone');
    assert.equal((await c.rep.delete(`${url()}/${byName('名片.png')}`)).statusCode, 404);
  });

  it('answers 404 on every route to those who may not see the record', async () => {
    const fileId = (await c.rep.get(url())).json().items[0].id as string;
    for (const client of [c.peer, outsider]) {
      const list = await client.get(url());
      assert.equal(list.statusCode, 404);
      assert.doesNotMatch(list.body, /报价单/);
      assert.equal((await uploadFile(t, client, url(), 'x.pdf', PDF)).statusCode, 404);
      assert.equal((await client.delete(`${url()}/${fileId}`)).statusCode, 404);
    }
  });

  it('writes uploads and deletions to the operation log', async () => {
    const items = (await c.rep.get(`/api/v1/lead/${leadId}/history`)).json().items as { action: string; changes: { label: string; newText: string | null; oldText: string | null }[] }[];
    const added = items.filter((i) => i.action === 'file_add');
    assert.equal(added.length, 3);
    assert.equal(added.at(-1)!.changes[0]!.label, '文档');
    assert.equal(added.at(-1)!.changes[0]!.newText, '报价单 (v2).pdf');
    assert.equal(items.filter((i) => i.action === 'file_remove').length, 2);
  });
});
