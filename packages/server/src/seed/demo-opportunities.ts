import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import { loadPrincipal, type AuthContext } from '../platform/auth/context';
import { createCategory } from '../objects/product/category-tree';
import { addLink } from '../objects/opportunity-lines/library-links';
import { openOpportunity } from '../objects/opportunity-lines/opportunity-access';
import { addLines, changeLine } from '../objects/opportunity-lines/product-lines';
import { insertRecord } from '../records/create-record';
import { openScope } from '../records/scope';
import { updateRecord } from '../records/update-record';
import { seededRandom, type Random } from './random';
import '../objects/opportunity/hooks';
import '../objects/opportunity-lines/amount-hook';
import '../objects/product/hooks';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The built-in (simple) process's open stages, in order; the demo company keeps that process. */
const OPEN_STAGES = ['初步接洽', '需求确定', '方案/报价', '谈判审核'] as const;
const LOST_REASONS = ['价格', '产品功能', '竞争对手', '预算取消', '其他'];

/** 产品目录: top-level categories with their subcategories, and the products filed under each leaf. */
const CATALOGUE: { name: string; children: { name: string; products: [code: string, name: string, price: number, unit: string][] }[] }[] = [
  { name: '软件', children: [
    { name: 'CRM 标准版', products: [['CRM-STD', '易销 CRM 标准版（用户/年）', 1_200, '用户']] },
    { name: 'CRM 专业版', products: [['CRM-PRO', '易销 CRM 专业版（用户/年）', 2_400, '用户'], ['CRM-API', '开放接口扩展包', 30_000, '套']] },
    { name: 'CRM 旗舰版', products: [['CRM-ULT', '易销 CRM 旗舰版（用户/年）', 4_800, '用户']] },
  ] },
  { name: '服务', children: [
    { name: '实施服务', products: [['SVC-IMPL', '标准实施服务', 800, '人天'], ['SVC-ERP', 'ERP 集成实施', 60_000, '项']] },
    { name: '培训', products: [['SVC-TRAIN', '现场培训', 5_000, '场']] },
    { name: '年度维护', products: [['SVC-MAINT', '年度维护服务', 20_000, '年']] },
  ] },
  { name: '硬件', children: [
    { name: '服务器', products: [['HW-SRV', '私有化部署服务器', 45_000, '台']] },
    { name: '移动终端', products: [['HW-PAD', '外勤平板终端', 3_200, '台']] },
  ] },
];
const PARTNERS: [string, string, string][] = [
  ['北京云启科技有限公司', '代理商', '010-62880011'], ['上海数联信息系统集成有限公司', '集成商', '021-54338822'],
  ['杭州智汇管理咨询有限公司', '咨询机构', '0571-87653300'], ['天津华泰软件代理有限公司', '代理商', '022-23456600'],
];
const COMPETITORS: [string, string, string][] = [
  ['纷享云 CRM', '移动端体验好，渠道多', '定制能力弱，价格偏高'], ['销帮帮', '价格低，上手快', '大客户场景功能不足'],
  ['Salesforce', '品牌强，生态完整', '本地化与实施成本高'], ['用友 CRM', '与用友 ERP 一体化', '界面陈旧，销售过程管理弱'],
];

interface Product { id: string; code: string; price: number }
interface Account { id: string; name: string; ownerId: string; createdAt: number }

/**
 * 产品目录 and products, 合作伙伴 and 竞争对手, and a year of opportunities told as stories (§3.7,
 * §4.1): created at the first stage on a demo account by its owner, given product lines (the amount
 * follows them) and partners or competitors, moved through the stages with amount and close-date
 * changes, then won, lost with a reason, or still open. Every step is dated in the past through
 * `yixiao.event_time`, so stage histories, forecasts and funnels have a year of material.
 */
export async function seedDemoOpportunities(db: Db, tenantId: string, userIds: Map<string, string>, appUrl: string) {
  void appUrl; // the stories post no activities, so no links to the app are written
  const random = seededRandom(37);
  const auths = new Map<string, AuthContext>();
  const as = async (userId: string) => {
    if (!auths.has(userId)) auths.set(userId, { ...(await loadPrincipal(db, tenantId, userId))!, via: 'session' });
    return auths.get(userId)!;
  };
  const admin = await as(userIds.get('admin')!);

  const library = await db.transaction().execute(async (tx) => {
    await clock(tx, Date.now() - 380 * DAY);
    const products: Product[] = [];
    const filed: [string, (typeof CATALOGUE)[number]['children'][number]['products']][] = [];
    for (const top of CATALOGUE) {
      const parentId = await createCategory(tx, admin, { name: top.name });
      for (const child of top.children) filed.push([await createCategory(tx, admin, { name: child.name, parentId }), child.products]);
    }
    // The scope reads the category options when opened, so it is opened once the tree exists.
    const productScope = await openScope(tx, admin, 'product');
    for (const [categoryId, items] of filed) {
      for (const [code, name, price, unit] of items) {
        const row = await insertRecord(tx, productScope, { name, code, categoryId, price: `${price}.00`, unit, enabled: true });
        products.push({ id: row.id as string, code, price });
      }
    }
    const partnerScope = await openScope(tx, admin, 'partner');
    const partners: string[] = [];
    for (const [name, type, phone] of PARTNERS) partners.push((await insertRecord(tx, partnerScope, { name, type, phone })).id as string);
    const competitorScope = await openScope(tx, admin, 'competitor');
    const competitors: string[] = [];
    for (const [name, strengths, weaknesses] of COMPETITORS) competitors.push((await insertRecord(tx, competitorScope, { name, strengths, weaknesses })).id as string);
    for (const table of ['products', 'partners', 'competitors']) await backdate(tx, tenantId, table, null, Date.now() - 380 * DAY);
    return { products, partners, competitors };
  });

  const { rows } = await sql<{ id: string; name: string; owner_id: string; created_at: Date }>`
    SELECT a.id, a.name, a.owner_id, a.created_at FROM accounts a JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.owner_id
    WHERE a.tenant_id = ${tenantId}::uuid AND coalesce(a.pool_state, 'held') = 'held' ORDER BY a.created_at, a.id`.execute(db);
  const accounts: Account[] = rows.map((r) => ({ id: r.id, name: r.name, ownerId: r.owner_id, createdAt: r.created_at.getTime() }));
  if (accounts.length === 0) return;

  const STORIES = 60;
  for (let n = 0; n < STORIES; n++) {
    const daysAgo = Math.round(362 - n * 5.9);
    const start = Date.now() - daysAgo * DAY + random.int(9, 17) * HOUR - 24 * HOUR;
    const earlier = accounts.filter((a) => a.createdAt < start - DAY);
    const account = random.pick(earlier.length ? earlier : accounts);
    // Recent deals are still being worked, one in each stage in turn; older ones were mostly decided.
    const recent = daysAgo <= 80;
    const roll = random.next();
    const ending: Ending = recent ? { open: OPEN_STAGES[n % OPEN_STAGES.length]! }
      : roll < 0.5 ? 'won' : roll < 0.88 ? { lostAfter: random.int(0, 3) } : { open: random.pick(OPEN_STAGES) };
    await db.transaction().execute(async (tx) => opportunityStory(tx, { random, tenantId, auth: await as(account.ownerId), account, start, ending, ...library }));
  }
}

type Ending = 'won' | { lostAfter: number } | { open: string };

interface Story {
  random: Random;
  tenantId: string;
  auth: AuthContext;
  account: Account;
  start: number;
  ending: Ending;
  products: Product[];
  partners: string[];
  competitors: string[];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const clock = (tx: Tx, ms: number) => sql`SELECT set_config('yixiao.event_time', ${new Date(ms).toISOString()}, true)`.execute(tx);

async function opportunityStory(tx: Tx, s: Story) {
  const { random, tenantId, auth } = s;
  const latest = Date.now() - 2 * HOUR;
  let at = Math.min(s.start, latest);
  await clock(tx, at);
  const scope = await openScope(tx, auth, 'opportunity');
  const withLines = random.next() < 0.8;
  const subject = random.pick(['CRM 系统采购', '销售管理平台', 'CRM 升级项目', '移动销售项目', '客户管理系统二期']);
  const row = await insertRecord(tx, scope, {
    name: `${s.account.name.replace(/(股份)?有限公司$/, '')} ${subject}`, accountId: s.account.id, stage: OPEN_STAGES[0],
    amount: withLines ? null : `${random.int(5, 60) * 10_000}.00`, closeDate: day(at + random.int(60, 120) * DAY),
    type: random.pick(['新客户', '新客户', '老客户增购', '续约']), source: random.pick(['客户介绍', '市场活动', '其他']),
  });
  const id = row.id as string;
  await backdate(tx, tenantId, 'opportunities', id, at);
  const version = async () => (await sql<{ version: number }>`SELECT version FROM opportunities WHERE id = ${id}::uuid`.execute(tx)).rows[0]!.version;
  const update = async (values: Record<string, unknown>) => updateRecord(tx, scope, id, values, await version());
  const advance = async (minDays: number, maxDays: number) => {
    const next = at + random.int(minDays, maxDays) * DAY + random.int(0, 6) * HOUR;
    if (next > latest) return false; // the story has caught up with today: it stays where it is
    at = next;
    await clock(tx, at);
    return true;
  };

  // 产品明细 soon after creation: the amount is their sum from then on.
  let lineIds: string[] = [];
  if (withLines && await advance(1, 4)) {
    const licence = random.pick(s.products.filter((p) => p.code.startsWith('CRM-') && p.code !== 'CRM-API'));
    const services = s.products.filter((p) => p.code.startsWith('SVC-') || p.code.startsWith('HW-'));
    const items = [
      { productId: licence.id, quantity: String(random.int(2, 12) * 10), discount: '100' },
      ...[...services].sort(() => random.next() - 0.5).slice(0, random.int(1, 3)).map((p) => ({
        productId: p.id, quantity: String(p.code === 'SVC-IMPL' ? random.int(10, 40) : random.int(1, 3)), discount: '100',
      })),
    ];
    await addLines(tx, await openOpportunity(tx, auth, id, 'write'), items);
    const { rows } = await sql<{ id: string }>`UPDATE opportunity_products SET created_at = ${new Date(at).toISOString()}::timestamptz,
        updated_at = ${new Date(at).toISOString()}::timestamptz
      WHERE tenant_id = ${tenantId}::uuid AND opportunity_id = ${id}::uuid RETURNING id`.execute(tx);
    lineIds = rows.map((r) => r.id);
  }
  let competitor = false;
  if (random.next() < 0.3 && await advance(1, 5)) {
    await link(tx, s, id, 'partner', random.pick(s.partners), random.pick(['由合作伙伴引荐', '合作伙伴负责本地实施', '联合投标']), at);
  }
  if (random.next() < 0.4 && await advance(1, 7)) {
    competitor = true;
    await link(tx, s, id, 'competitor', random.pick(s.competitors), random.pick(['客户同时在试用', '对方报价低 15%', '客户原有系统供应商']), at);
  }

  const target = s.ending === 'won' ? OPEN_STAGES.length - 1
    : 'lostAfter' in s.ending ? s.ending.lostAfter : OPEN_STAGES.indexOf(s.ending.open as (typeof OPEN_STAGES)[number]);
  for (let i = 1; i <= target; i++) {
    if (!await advance(6, 28)) return;
    const values: Record<string, unknown> = { stage: OPEN_STAGES[i] };
    // The forecast moves as the deal is understood: the close date slips, a hand-entered amount is revised.
    if (random.next() < 0.35) values.closeDate = day(at + random.int(20, 75) * DAY);
    if (!withLines && random.next() < 0.4) values.amount = `${random.int(5, 60) * 10_000}.00`;
    await update(values);
    if (OPEN_STAGES[i] === '谈判审核' && lineIds.length && random.next() < 0.7) {
      // 谈判: a discount on the licence line; the amount follows.
      await changeLine(tx, await openOpportunity(tx, auth, id, 'write'), lineIds[0]!, { discount: random.pick(['95', '90', '88', '85']) });
    }
  }
  if (s.ending === 'won') {
    if (!await advance(5, 25)) return;
    await update({ stage: '赢单', closeDate: day(at) });
  } else if ('lostAfter' in s.ending) {
    if (!await advance(5, 30)) return;
    const lostReason = competitor && random.next() < 0.7 ? '竞争对手' : random.pick(LOST_REASONS);
    await update({ stage: '输单', lostReason, closeDate: day(at) });
  }
}

async function link(tx: Tx, s: Story, id: string, kind: 'partner' | 'competitor', targetId: string, note: string, at: number) {
  await addLink(tx, kind, await openOpportunity(tx, s.auth, id, 'write'), { targetId, note });
  await sql`UPDATE ${sql.table(`opportunity_${kind}s`)} SET added_at = ${new Date(at).toISOString()}::timestamptz
    WHERE tenant_id = ${s.tenantId}::uuid AND opportunity_id = ${id}::uuid AND ${sql.ref(`${kind}_id`)} = ${targetId}::uuid`.execute(tx);
}

/** Moves creation into the past: one record, or (recordId null) every row of the company's table. */
async function backdate(tx: Tx, tenantId: string, table: string, recordId: string | null, at: number) {
  const when = new Date(at).toISOString();
  await sql`UPDATE ${sql.table(table)} SET created_at = ${when}::timestamptz, updated_at = ${when}::timestamptz
    WHERE tenant_id = ${tenantId}::uuid ${recordId ? sql`AND id = ${recordId}::uuid` : sql``}`.execute(tx);
}
