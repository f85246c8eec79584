import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { isKnownRegion, regionTree } from '@yixiao/core/regions';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

describe('省/市/区: the bundled list of China’s divisions and the check on every write', () => {
  let t: TestApp;
  let rep: Client;

  before(async () => {
    t = await startTestApp();
    const company = await createCompany(t);
    rep = await signIn(t, company.logins.rep);
  });
  after(() => t.close());

  it('lists every province-level division, municipalities named at the city level, down to districts', () => {
    const tree = regionTree();
    assert.equal(tree.length, 34, '31 mainland divisions, 香港, 澳门 and 台湾');
    const beijing = tree.find((p) => p.name === '北京市')!;
    assert.deepEqual(beijing.cities.map((c) => c.name), ['北京市']);
    assert.ok(beijing.cities[0]!.districts.includes('朝阳区'));
    const chongqing = tree.find((p) => p.name === '重庆市')!;
    assert.deepEqual(chongqing.cities.map((c) => c.name), ['重庆市'], '市辖区 and 县 are one level');
    assert.ok(chongqing.cities[0]!.districts.includes('渝中区') && chongqing.cities[0]!.districts.includes('巫山县'));
    const districts = tree.reduce((n, p) => n + p.cities.reduce((m, c) => m + c.districts.length, 0), 0);
    assert.ok(districts > 3000, `${districts} districts`);

    assert.ok(isKnownRegion({ province: '广东省' }));
    assert.ok(isKnownRegion({ province: '广东省', city: '深圳市' }));
    assert.ok(isKnownRegion({ province: '广东省', city: '深圳市', district: '南山区' }));
    assert.ok(isKnownRegion({ province: '北京市', city: '北京市', district: '海淀区' }));
    assert.ok(isKnownRegion({ province: '香港特别行政区', city: '九龙', district: '观塘区' }));
    assert.ok(!isKnownRegion({ province: '广东省', city: '杭州市' }), 'a city of another province');
    assert.ok(!isKnownRegion({ province: '浙江省', city: '杭州市', district: '南山区' }), 'a district of another city');
    assert.ok(!isKnownRegion({ city: '深圳市' }), 'a city without its province');
    assert.ok(!isKnownRegion({ province: '广东省', district: '南山区' }), 'a district without its city');
    assert.ok(!isKnownRegion({ province: '广东' }), 'names as the list writes them');
  });

  it('stores a region from the list, refuses one that is not, and filters by province', async () => {
    const region = { province: '北京市', city: '北京市', district: '朝阳区' };
    const made = await rep.post('/api/v1/account', { name: '朝阳客户有限公司', region });
    assert.equal(made.statusCode, 201, made.body);
    assert.deepEqual(made.json().region, region);
    const partial = await rep.post('/api/v1/account', { name: '只填省份有限公司', region: { province: '浙江省' } });
    assert.equal(partial.statusCode, 201, partial.body);

    const bad = await rep.post('/api/v1/account', { name: '不存在的地区有限公司', region: { province: '北京市', city: '深圳市' } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details, [{ field: 'region', reason: 'unknown_region' }]);
    const none = await sql<{ n: number }>`SELECT count(*)::int AS n FROM accounts WHERE name = '不存在的地区有限公司'`.execute(t.database.db);
    assert.equal(none.rows[0]!.n, 0, 'nothing written');

    const byProvince = async (province: string) => {
      const filter = encodeURIComponent(JSON.stringify({ field: 'region', op: 'eq', value: { province } }));
      const res = await rep.get(`/api/v1/account?filter=${filter}`);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as { name: string }[]).map((a) => a.name);
    };
    assert.deepEqual(await byProvince('北京市'), ['朝阳客户有限公司']);
    assert.deepEqual(await byProvince('浙江省'), ['只填省份有限公司']);
  });

  it('a region stored before the check may stay as it is while the record changes; a new one must be on the list', async () => {
    const made = (await rep.post('/api/v1/account', { name: '旧地区客户有限公司' })).json() as { id: string };
    await sql`UPDATE accounts SET region = ${JSON.stringify({ province: '北京', city: '海淀' })}::jsonb, version = version + 1 WHERE id = ${made.id}::uuid`.execute(t.database.db);
    let current = (await rep.get(`/api/v1/account/${made.id}`)).json();
    const kept = await rep.patch(`/api/v1/account/${made.id}`, { version: current.version, phone: '010-66668888', region: { city: '海淀', province: '北京' } });
    assert.equal(kept.statusCode, 200, kept.body);
    current = kept.json();
    const changed = await rep.patch(`/api/v1/account/${made.id}`, { version: current.version, region: { province: '北京', city: '朝阳' } });
    assert.equal(changed.statusCode, 400);
    const fixed = await rep.patch(`/api/v1/account/${made.id}`, { version: current.version, region: { province: '北京市', city: '北京市', district: '海淀区' } });
    assert.equal(fixed.statusCode, 200, fixed.body);
  });
});
