import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

describe('organisation endpoints: who may call them', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let rep: Client;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    rep = await signIn(t, company.logins.rep);
  });
  after(() => t.close());

  it('refuses an ordinary user (rep) on every route that needs a permission, across all modules', async () => {
    const guarded = t.app.routeTable.filter((r) => r.auth !== 'public' && r.auth !== 'user' && r.method !== 'HEAD');
    assert.ok(guarded.filter((r) => r.url.startsWith('/api/v1/org/')).length >= 16, 'the org routes are in the table');
    for (const route of guarded) {
      const url = route.url.replace(/:[A-Za-z_]+/g, () => randomUUID()).replace(/\*$/, 'x');
      const res = await rep.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      assert.equal(res.statusCode, 403, `${route.method} ${route.url} (needs ${route.auth}) answered ${res.statusCode}`);
      assert.equal(res.json().error.code, 'forbidden', `${route.method} ${route.url}`);
    }
  });

  it('refuses callers who are not signed in on every org route', async () => {
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/org/') && r.method !== 'HEAD')) {
      const url = route.url.replace(/:[A-Za-z_]+/g, () => randomUUID());
      const res = await t.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
    }
  });

  it('lets any signed-in user read the department tree, the roles and the user picker', async () => {
    assert.equal((await rep.get('/api/v1/org/departments')).statusCode, 200);
    assert.equal((await rep.get('/api/v1/org/roles')).statusCode, 200);
    const picker = await rep.get('/api/v1/org/picker/users?keyword=经理');
    assert.equal(picker.statusCode, 200);
    assert.deepEqual(picker.json().items.map((u: { name: string }) => u.name), ['王经理']);
    assert.deepEqual(Object.keys(picker.json().items[0]).sort(), ['avatarUrl', 'departmentId', 'departmentName', 'id', 'name']);
  });

  it('describes every org route in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const orgPaths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => p.startsWith('/api/v1/org/')));
    assert.ok(orgPaths['/api/v1/org/users/{id}/reset-password'], 'actions are documented');
    // Validated on its own so that another module's half-finished schema cannot hide a fault of ours.
    await SwaggerParser.validate({ ...doc, paths: orgPaths });
  });
});
