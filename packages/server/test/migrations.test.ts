import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';

/**
 * Upgrades never break an existing install (DESIGN.md §5): a database made by an earlier migration
 * set, holding data, is migrated to the current set and keeps its data, which the new schema serves.
 */
describe('migrations upgrade an existing database', () => {
  const adminUrl = process.env.YIXIAO_TEST_ADMIN_URL!;
  const name = `m_${randomBytes(5).toString('hex')}`;
  let url: string;
  let database: Database;

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} OWNER yixiao_app`);
    await admin.end();
    const u = new URL(adminUrl);
    u.username = 'yixiao_app';
    u.password = process.env.YIXIAO_TEST_APP_PASSWORD!;
    u.pathname = `/${name}`;
    url = u.toString();
  });
  after(async () => {
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('keeps a company and its leads from before the record engine and duplicate keys', async () => {
    const first = await migrate(url, { upTo: '0011_tasks.sql' });
    assert.ok(first.includes('0001_platform.sql') && first.includes('0011_tasks.sql') && !first.includes('0012_dedupe_search.sql'));
    database = openDatabase(url);
    // Written as the code of that time would have: plain rows, since today's createTenant needs later tables.
    const tenant = await database.db.transaction().execute(async (tx) => {
      const tenantId = (await sql<{ id: string }>`INSERT INTO tenants (name) VALUES ('老客户公司') RETURNING id`.execute(tx)).rows[0]!.id;
      const departmentId = (await sql<{ id: string }>`INSERT INTO departments (tenant_id, name) VALUES (${tenantId}::uuid, '老客户公司') RETURNING id`.execute(tx)).rows[0]!.id;
      await sql`INSERT INTO roles (tenant_id, key, name_zh, name_en, permissions) VALUES (${tenantId}::uuid, 'admin', '系统管理员', 'Administrator', ARRAY['org.manage', 'role.manage'])`.execute(tx);
      const adminId = (await sql<{ id: string }>`INSERT INTO users (tenant_id, login, name, password_hash, department_id)
        VALUES (${tenantId}::uuid, ${`old_${name}`}, '老管理员', 'x', ${departmentId}::uuid) RETURNING id`.execute(tx)).rows[0]!.id;
      return { tenantId, adminId };
    });
    await sql`INSERT INTO leads (tenant_id, name, company_name, owner_id) VALUES
      (${tenant.tenantId}::uuid, '张三', '北京仁科互动网络技术有限公司', ${tenant.adminId}::uuid)`.execute(database.db);

    const rest = await migrate(url);
    assert.ok(rest.length > 0 && rest.every((m) => m > '0011_tasks.sql'), rest.join(', '));
    assert.deepEqual(await migrate(url), [], 'a second run applies nothing');

    const { rows } = await sql<{ name: string; company_key: string }>`SELECT name, company_key FROM leads WHERE tenant_id = ${tenant.tenantId}::uuid`.execute(database.db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.name, '张三');
    assert.ok(rows[0]!.company_key.includes('仁科互动'), `the key computed for an existing row: ${rows[0]!.company_key}`);
    const admin = await database.db.selectFrom('roles').select('permissions').where('tenant_id', '=', tenant.tenantId).where('key', '=', 'admin').executeTakeFirstOrThrow();
    assert.ok(admin.permissions.includes('metadata.manage'), 'existing administrator roles gain the new permission');
    // 0014: the company gains its default pools; the old lead, held by its owner, sits in the default lead pool.
    const pools = await sql<{ object: string; name: string }>`SELECT object, name FROM pool_groups WHERE tenant_id = ${tenant.tenantId}::uuid AND is_default ORDER BY object`.execute(database.db);
    assert.deepEqual(pools.rows.map((p) => [p.object, p.name]), [['account', '默认客户池'], ['lead', '默认线索池']]);
    const lead = await sql<{ pool_state: string; group: string }>`SELECT l.pool_state, g.name AS group FROM leads l JOIN pool_groups g ON g.id = l.pool_group_id WHERE l.tenant_id = ${tenant.tenantId}::uuid`.execute(database.db);
    assert.deepEqual(lead.rows, [{ pool_state: 'held', group: '默认线索池' }]);
  });
});
