// Leads and accounts for the search benchmark, with search_text as the engine writes it
// (records/search-text.ts): pinyin is computed in TypeScript for a vocabulary of names and company
// name parts, which PostgreSQL then combines with INSERT … SELECT generate_series (a million rows
// in seconds, where a million pinyin calls and inserts from Node would take many minutes).
import { pinyin } from 'pinyin-pro';
import { sql } from 'kysely';
import type { Db } from '../packages/server/src/db/database';
import { chineseName, seededRandom } from '../packages/server/src/seed/random';

interface Piece { text: string; full: string; initials: string }

/** The same pinyin call as searchText(): a piece's full spelling and initials. */
function piece(text: string): Piece {
  const syllables = text ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) : [];
  return { text, full: syllables.join('').toLowerCase(), initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase() };
}

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '西安', '天津', '重庆', '苏州', '长沙', '郑州', '青岛',
  '厦门', '宁波', '无锡', '济南', '大连', '沈阳', '合肥', '福州', '昆明', '东莞', '佛山', '珠海', '温州', '常州', '南通', '', ''];
const BRAND_CHARS = '仁科华信恒通远景星河同创中联博众新锐天成宏图金桥瑞达鼎盛泰和安康永兴万达嘉禾盛世鸿运广源志诚立德明德凯旋飞扬云海龙腾'
  + '东方伟业汇丰聚贤卓越精工智联晨光蓝天绿洲海纳百川启航顺丰宇通华夏长城正大';
const INDUSTRIES = ['科技', '网络科技', '信息技术', '贸易', '实业', '电子', '医疗器械', '生物科技', '建筑工程', '餐饮管理', '教育咨询',
  '物流', '汽车服务', '食品', '服饰', '文化传媒', '广告', '环保科技', '新能源', '机械设备', '化工', '家居', '软件', '数据服务', '智能科技'];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '公司'];
const DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'gmail.com', 'outlook.com'];

export function vocabulary(sizes: { names: number; brands: number }) {
  const random = seededRandom(7);
  const names = new Set<string>();
  while (names.size < sizes.names) names.add(chineseName(random));
  const brands = new Set<string>();
  while (brands.size < sizes.brands) {
    const length = random.next() < 0.8 ? 2 : 3;
    brands.add(Array.from({ length }, () => BRAND_CHARS[random.int(0, BRAND_CHARS.length - 1)]!).join(''));
  }
  return {
    names: [...names].map(piece), cities: CITIES.map(piece), brands: [...brands].map(piece),
    industries: INDUSTRIES.map(piece), suffixes: SUFFIXES.map(piece),
  };
}
export type Vocabulary = ReturnType<typeof vocabulary>;

/** The company of number j: its name and its search_text fragment (name, pinyin, initials). */
const company = (j: string, v: Vocabulary) => sql.raw(`
  (SELECT c.text || b.text || d.text || s.text AS name,
          c.text || b.text || d.text || s.text || ' ' || c.full || b.full || d.full || s.full || ' ' || c.initials || b.initials || d.initials || s.initials AS frag
   FROM bench_cities c, bench_brands b, bench_industries d, bench_suffixes s
   WHERE c.k = (${j} * 13) % ${v.cities.length} AND b.k = (${j} * 7919) % ${v.brands.length}
     AND d.k = (${j} * 104729) % ${v.industries.length} AND s.k = (${j} * 31) % ${v.suffixes.length})`);

async function loadVocabulary(conn: Db, tenantId: string, v: Vocabulary) {
  await sql`CREATE TEMP TABLE IF NOT EXISTS bench_owners AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, department_id FROM users WHERE tenant_id = ${tenantId}::uuid`.execute(conn);
  for (const [table, pieces] of Object.entries({ bench_names: v.names, bench_cities: v.cities, bench_brands: v.brands, bench_industries: v.industries, bench_suffixes: v.suffixes })) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(conn);
    await sql`CREATE TEMP TABLE ${sql.table(table)} AS SELECT (ord - 1)::int AS k, text, "full", initials
      FROM unnest(${pieces.map((p) => p.text)}::text[], ${pieces.map((p) => p.full)}::text[], ${pieces.map((p) => p.initials)}::text[]) WITH ORDINALITY AS x(text, "full", initials, ord)`.execute(conn);
    await sql`CREATE UNIQUE INDEX ON ${sql.table(table)} (k)`.execute(conn);
  }
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_owners`.execute(conn)).rows[0]!.n;
}

/**
 * Leads (name, company, mobile, a third with e-mail) and accounts (company, phone), owned round-robin
 * by the company's users. Leads name companies from the same space as accounts, as real leads do.
 */
export async function generateSearchRecords(db: Db, tenantId: string, counts: { leads: number; accounts: number }, v: Vocabulary) {
  await db.connection().execute(async (conn) => {
    const owners = await loadVocabulary(conn, tenantId, v);
    await sql`INSERT INTO leads (tenant_id, name, company_name, mobile, email, status, industry, owner_id, department_id, created_by, created_at, updated_at, search_text)
      SELECT ${tenantId}::uuid, n.text, co.name, m.mobile, e.email, (ARRAY['未处理','已联系','关闭'])[1 + i % 3], '信息技术',
        o.id, o.department_id, o.id, now() - ((i % 730) || ' days')::interval, now() - ((i % 700) || ' days')::interval,
        n.text || ' ' || n.full || ' ' || n.initials || ' ' || co.frag || ' ' || m.mobile || ' ' || m.mobile || coalesce(' ' || e.email, '')
      FROM generate_series(1, ${counts.leads}) i
      JOIN bench_owners o ON o.k = i % ${owners}
      JOIN bench_names n ON n.k = (i::bigint * 7907) % ${v.names.length}
      CROSS JOIN LATERAL ${company(`((i::bigint * 31337) % ${Math.max(counts.accounts, 1)} + 1)`, v)} co
      CROSS JOIN LATERAL (SELECT (ARRAY['13','15','18','17'])[1 + i % 4] || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0') AS mobile) m
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 3 = 0 THEN n.full || (i % 997) || '@' || (${DOMAINS}::text[])[1 + i % ${DOMAINS.length}] END AS email) e`.execute(conn);
    await sql`INSERT INTO accounts (tenant_id, name, level, phone, owner_id, department_id, created_by, created_at, updated_at, search_text)
      SELECT ${tenantId}::uuid, co.name, (ARRAY['重点客户','普通客户','非优先客户'])[1 + i % 3], p.phone,
        o.id, o.department_id, o.id, now() - ((i % 730) || ' days')::interval, now() - ((i % 650) || ' days')::interval,
        co.frag || ' ' || p.phone || ' ' || replace(p.phone, '-', '')
      FROM generate_series(1, ${counts.accounts}) i
      JOIN bench_owners o ON o.k = (i * 17) % ${owners}
      CROSS JOIN LATERAL ${company('i::bigint', v)} co
      CROSS JOIN LATERAL (SELECT (ARRAY['010','021','020','0755','0571'])[1 + i % 5] || '-' || lpad(((i::bigint * 104729) % 100000000)::text, 8, '0') AS phone) p`.execute(conn);
  });
}

/**
 * Bulk loads skip index maintenance: the tables' secondary indexes (exactly as the migrations made
 * them) are dropped before and rebuilt after, with more memory for the GIN builds.
 */
export async function withoutIndexes(db: Db, tables: string[], load: () => Promise<void>) {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename = ANY(${tables}::text[]) AND indexname NOT LIKE '%_pkey'`.execute(db);
  for (const index of rows) await sql`DROP INDEX ${sql.id(index.indexname)}`.execute(db);
  await load();
  // Two builds at a time on two cores; each builds its GIN in one pass with a large work memory.
  const queue = [...rows];
  await Promise.all([0, 1].map(() => db.connection().execute(async (conn) => {
    await sql`SET maintenance_work_mem = '512MB'`.execute(conn);
    for (let index = queue.shift(); index; index = queue.shift()) await sql.raw(index.indexdef).execute(conn);
  })));
}
