// Bulk data for benchmarks: leads, accounts and activities made with INSERT … SELECT generate_series
// in PostgreSQL (minutes for millions of rows), owned round-robin by a generated company's users.
// Ids are md5(kind || n)::uuid so related rows can point at each other without lookups.
import { sql } from 'kysely';
import type { Db } from '../packages/server/src/db/database';

const SURNAMES = "ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗']";
const GIVEN = "ARRAY['伟','芳','娜','敏','静','强','磊','军','洋','勇','艳','杰','涛','明','超','霞','平','刚','建国','子涵']";
const CITIES = "ARRAY['北京','上海','广州','深圳','杭州','南京','成都','武汉','西安','天津']";
const WORDS = "ARRAY['仁科','华信','恒通','远景','星河','同创','中联','博众','新锐','天成','宏图','金桥']";

async function owners(db: Db, tenantId: string) {
  await sql`CREATE TEMP TABLE IF NOT EXISTS bench_owners AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, department_id FROM users WHERE tenant_id = ${tenantId}::uuid`.execute(db);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_owners`.execute(db);
  return rows[0]!.n;
}

export async function generateLeads(db: Db, tenantId: string, count: number) {
  await db.connection().execute(async (conn) => {
    const n = await owners(conn as unknown as Db, tenantId);
    await sql`INSERT INTO leads (tenant_id, id, name, company_name, mobile, status, industry, owner_id, department_id, created_by, created_at, updated_at, last_activity_at, search_text)
      SELECT ${tenantId}::uuid, md5('lead' || i)::uuid,
        (${sql.raw(SURNAMES)})[1 + i % 20] || (${sql.raw(GIVEN)})[1 + (i / 20) % 20],
        (${sql.raw(CITIES)})[1 + i % 10] || (${sql.raw(WORDS)})[1 + (i / 10) % 12] || '科技有限公司' || (i % 5000),
        '13' || lpad((i % 1000000000)::text, 9, '0'),
        (ARRAY['未处理','已联系','关闭'])[1 + i % 3],
        (ARRAY['信息技术','制造业','金融','教育','医疗'])[1 + i % 5],
        o.id, o.department_id, o.id,
        now() - ((i % 730) || ' days')::interval - ((i % 1440) || ' minutes')::interval,
        now() - ((i % 730) || ' days')::interval,
        CASE WHEN i % 4 = 0 THEN NULL ELSE now() - ((i % 30) || ' days')::interval END,
        ''
      FROM generate_series(1, ${count}) i JOIN bench_owners o ON o.k = i % ${n}`.execute(conn);
  });
}

export async function generateAccounts(db: Db, tenantId: string, count: number) {
  await db.connection().execute(async (conn) => {
    const n = await owners(conn as unknown as Db, tenantId);
    await sql`INSERT INTO accounts (tenant_id, id, name, level, industry, phone, owner_id, department_id, created_by, created_at, updated_at, last_activity_at, search_text)
      SELECT ${tenantId}::uuid, md5('account' || i)::uuid,
        (${sql.raw(CITIES)})[1 + i % 10] || (${sql.raw(WORDS)})[1 + (i / 10) % 12] || '集团有限公司' || i,
        (ARRAY['重点客户','普通客户','非优先客户'])[1 + i % 3],
        (ARRAY['信息技术','制造业','金融','教育','医疗'])[1 + i % 5],
        '010-' || lpad((i % 100000000)::text, 8, '0'),
        o.id, o.department_id, o.id,
        now() - ((i % 730) || ' days')::interval, now(),
        CASE WHEN i % 3 = 0 THEN NULL ELSE now() - ((i % 20) || ' days')::interval END, ''
      FROM generate_series(1, ${count}) i JOIN bench_owners o ON o.k = i % ${n}`.execute(conn);
  });
}

/** Activities posted on the generated leads and accounts (alternating), by the record's owner. */
export async function generateActivities(db: Db, tenantId: string, count: number, leads: number, accounts: number) {
  await db.connection().execute(async (conn) => {
    const n = await owners(conn as unknown as Db, tenantId);
    await sql`INSERT INTO activities (tenant_id, type, content, related_object, related_id, occurred_at, owner_id, department_id, created_by, created_at, updated_at)
      SELECT ${tenantId}::uuid, (ARRAY['电话','拜访','邮件','会议','其他'])[1 + i % 5], '跟进记录 ' || i,
        CASE WHEN i % 2 = 0 THEN 'lead' ELSE 'account' END,
        CASE WHEN i % 2 = 0 THEN md5('lead' || (1 + i % ${leads}))::uuid ELSE md5('account' || (1 + i % ${accounts}))::uuid END::text,
        now() - ((i % 365) || ' days')::interval, o.id, o.department_id, o.id, now() - ((i % 365) || ' days')::interval, now()
      FROM generate_series(1, ${count}) i JOIN bench_owners o ON o.k = i % ${n}`.execute(conn);
  });
}
