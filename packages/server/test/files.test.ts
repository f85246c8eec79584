import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contentDisposition, sanitizeFileName } from '../src/platform/files/file-name';
import { storeFile } from '../src/platform/files/store-file';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A multipart request body the way a browser's FormData sends it. */
async function multipart(fileName: string, data: Buffer, type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

describe('avatars and stored files', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
  });
  after(() => t.close());

  const upload = async (client: Client, fileName: string, data: Buffer, type?: string) => {
    const body = await multipart(fileName, data, type);
    return t.app.inject({
      method: 'POST', url: '/api/v1/me/avatar', payload: body.payload,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': body.contentType },
    });
  };
  const fileCount = async (tenantId: string) =>
    Number((await t.database.db.selectFrom('files').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

  it('refuses a text file named .png with a clear message, storing nothing', async () => {
    const rep = await signIn(t, company.logins.rep);
    const res = await upload(rep, 'avatar.png', Buffer.from('<script>alert(document.cookie)</script>'), 'image/png');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'file_type_not_allowed');
    assert.match(res.json().error.message, /不支持的文件类型.*PNG, JPEG, WebP, GIF/);
    assert.equal(await fileCount(company.tenantId), 0);
    assert.equal((await rep.get('/api/v1/me/profile')).json().avatarUrl, null);
  });

  it('accepts a real PNG and serves it with headers that keep it from running as a page', async () => {
    const rep = await signIn(t, company.logins.rep);
    const res = await upload(rep, '../../我的头像.jpg', PNG, 'application/octet-stream');
    assert.equal(res.statusCode, 200, res.body);
    const { avatarUrl } = res.json();
    assert.match(avatarUrl, /^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    assert.equal((await rep.get('/api/v1/auth/me')).json().avatarUrl, avatarUrl);

    const served = await rep.get(avatarUrl);
    assert.equal(served.statusCode, 200);
    assert.deepEqual(served.rawPayload, PNG);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.match(String(served.headers['content-security-policy']), /(^|;\s*)sandbox(;|$)/);
    assert.equal(served.headers['content-disposition'], `inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent('我的头像.png')}`);

    const colleague = await signIn(t, company.logins.manager);
    assert.equal((await colleague.get(avatarUrl)).statusCode, 200, 'colleagues see each other\'s avatars');
    const other = await createCompany(t);
    const outsider = await signIn(t, other.logins.admin);
    const foreign = await outsider.get(avatarUrl);
    assert.equal(foreign.statusCode, 404, 'another company\'s user cannot tell the file exists');
    assert.equal(foreign.json().error.code, 'not_found');
    assert.equal((await t.app.inject({ method: 'GET', url: avatarUrl })).statusCode, 401);
    assert.equal((await rep.get('/api/v1/files/not-a-uuid')).statusCode, 404);
  });

  it('replaces the old avatar, and removes it on request', async () => {
    const manager = await signIn(t, company.logins.manager);
    const first = (await upload(manager, 'a.png', PNG)).json().avatarUrl;
    const second = (await upload(manager, 'b.png', PNG)).json().avatarUrl;
    assert.notEqual(first, second);
    assert.equal((await manager.get(first)).statusCode, 404, 'the replaced file is gone');
    assert.equal((await manager.get(second)).statusCode, 200);
    assert.equal((await manager.delete('/api/v1/me/avatar')).statusCode, 204);
    assert.equal((await manager.get(second)).statusCode, 404);
    assert.equal((await manager.get('/api/v1/me/profile')).json().avatarUrl, null);
  });

  it('refuses an image over 2 MB and a request without a file', async () => {
    const admin = await signIn(t, company.logins.admin);
    const before = await fileCount(company.tenantId);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload(admin, 'big.png', big);
    assert.equal(res.statusCode, 413);
    assert.match(res.json().error.message, /2 MB/);
    const json = await admin.post('/api/v1/me/avatar', { file: 'x' });
    assert.equal(json.statusCode, 400);
    assert.equal(json.json().error.code, 'file_missing');
    assert.equal(await fileCount(company.tenantId), before);
  });

  it('serves other files as downloads under a cleaned name', async () => {
    const admin = await signIn(t, company.logins.admin);
    const file = await t.database.db.transaction().execute((tx) => storeFile(tx, {
      tenantId: company.tenantId, uploadedBy: company.userIds.admin, purpose: 'attachment',
      fileName: 'C:\\fakepath\\报价单\u202Etxt.exe', data: Buffer.from('产品,数量\n钢材,10\n'),
    }));
    assert.equal(file.mimeType, 'text/plain');
    assert.equal(file.fileName, '报价单txt.txt');
    const served = await admin.get(`/api/v1/files/${file.id}`);
    assert.match(String(served.headers['content-disposition']), /^attachment; /);
    assert.equal(served.headers['content-type'], 'text/plain; charset=utf-8');
    await assert.rejects(
      t.database.db.transaction().execute((tx) => storeFile(tx, {
        tenantId: company.tenantId, uploadedBy: company.userIds.admin, purpose: 'attachment', fileName: 'x.bin', data: Buffer.from([0x00, 0x01, 0x02, 0x03]),
      })),
      /file_type_not_allowed/,
    );
  });

  it('cleans file names and quotes them per RFC 5987', () => {
    assert.equal(sanitizeFileName('../../etc/passwd', null), 'passwd');
    assert.equal(sanitizeFileName('...hidden.png', 'png'), 'hidden.png');
    assert.equal(sanitizeFileName('a\u0000b\r\nc.JPEG', 'jpg'), 'abc.jpeg');
    assert.equal(sanitizeFileName('', 'png'), 'file.png');
    assert.equal([...sanitizeFileName('长'.repeat(300) + '.pdf', 'pdf')].length, 120);
    assert.equal(contentDisposition('attachment', "合同 (v2)'.pdf"), `attachment; filename="__ (v2)'.pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%28v2%29%27.pdf`);
  });
});
