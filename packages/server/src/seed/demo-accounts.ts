import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import { loadPrincipal, type AuthContext } from '../platform/auth/context';
import { postActivity } from '../objects/activity/post-activity';
import { runPoolAction } from '../objects/pool/actions';
import { insertRecord } from '../records/create-record';
import { openScope } from '../records/scope';
import { updateRecord } from '../records/update-record';
import { auditRecord } from '../records/write-helpers';
import { chineseName, seededRandom, type Random } from './random';
import '../objects/pool/hooks';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Where each pool's accounts are: [short name, 省, 市, districts, area code]; names as the region list writes them. */
type Place = [string, string, string, string[], string];
const NORTH_PLACES: Place[] = [
  ['北京', '北京市', '北京市', ['海淀区', '朝阳区', '东城区', '丰台区'], '010'],
  ['天津', '天津市', '天津市', ['和平区', '南开区', '滨海新区'], '022'],
  ['石家庄', '河北省', '石家庄市', ['长安区', '桥西区', '裕华区'], '0311'],
  ['唐山', '河北省', '唐山市', ['路北区', '路南区'], '0315'],
];
const EAST_PLACES: Place[] = [
  ['上海', '上海市', '上海市', ['浦东新区', '徐汇区', '静安区', '闵行区'], '021'],
  ['杭州', '浙江省', '杭州市', ['西湖区', '滨江区', '余杭区'], '0571'],
  ['南京', '江苏省', '南京市', ['玄武区', '鼓楼区', '江宁区'], '025'],
  ['苏州', '江苏省', '苏州市', ['姑苏区', '吴中区', '虎丘区'], '0512'],
];
const WORDS = ['鼎盛', '华鑫', '瑞达', '嘉禾', '恒泰', '启明', '卓越', '金穗', '东方', '汇通', '睿智', '天元', '长风', '蓝海', '盛世', '安捷'];
const KINDS = ['实业有限公司', '科技股份有限公司', '机电设备有限公司', '商贸有限公司', '软件有限公司', '物流有限公司'];
const ROADS = ['科技路', '建设路', '人民路', '中山路', '滨江大道', '学院路'];
const TITLES = ['采购经理', '信息中心主任', '总经理', '财务总监', 'IT 负责人', '行政主管'];
const NOTES = ['电话回访，客户在规划明年的信息化预算', '上门拜访，演示了销售管理模块', '发送了报价单，客户在内部比价', '客户的 IT 负责人要求提供接口文档', '约了下周与采购部门开会'];
const RETURN_REASONS = ['暂无采购计划', '联系人已离职', '客户选择了竞品'];

interface Pool {
  groupId: string;
  admin: string;
  reps: string[];
  places: Place[];
  /** 'claim': reps claim for themselves; 'assign': the group's administrator hands accounts out. */
  mode: 'claim' | 'assign';
}

/**
 * 客户公海池 for the demo company (§3.4, §3.5): 华北客户池 (reps claim) and 华东客户池 (the manager
 * assigns), each with members and recycle rules, and a year of accounts told through the pool
 * engine — created in a pool, claimed or assigned, given contacts, followed up, some with won deals
 * and team members, some returned or abandoned, some still waiting. Plus a few accounts from before
 * pools (no group) for 初始化公海池分组. Every step is dated in the past, like the leads' year.
 */
export async function seedDemoAccounts(db: Db, tenantId: string, userIds: Map<string, string>, appUrl: string) {
  const random = seededRandom(23);
  const auths = new Map<string, AuthContext>();
  const as = async (login: string) => {
    if (!auths.has(login)) auths.set(login, { ...(await loadPrincipal(db, tenantId, userIds.get(login)!))!, via: 'session' });
    return auths.get(login)!;
  };
  const id = (login: string) => userIds.get(login)!;

  const pools = await db.transaction().execute(async (tx) => {
    const group = async (name: string, settings: Record<string, unknown>, members: [string, boolean][]) => {
      const row = await tx.insertInto('pool_groups').values({ tenant_id: tenantId, object: 'account', name, sort_order: 1, ...settings })
        .returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('pool_group_members').values(members.map(([login, isAdmin]) => ({ tenant_id: tenantId, group_id: row.id, user_id: id(login), is_admin: isAdmin }))).execute();
      return row.id;
    };
    // Held accounts below stay followed up within these windows, so the hourly sweep has nothing to take at first start.
    const north: Pool = {
      groupId: await group('华北客户池', { claim_mode: 'claim', max_held: 40, recycle_idle_days: 60 },
        [['sunli', true], ['zhouqiang', false], ['zhangsan', false], ['lisi', false], ['wuhao', false]]),
      admin: 'sunli', reps: ['zhangsan', 'lisi', 'wuhao'], places: NORTH_PLACES, mode: 'claim',
    };
    const east: Pool = {
      groupId: await group('华东客户池', { claim_mode: 'assign', members_may_move: true, recycle_idle_days: 90 },
        [['zhengwei', true], ['fengxue', false], ['heping', false], ['luoxin', false]]),
      admin: 'zhengwei', reps: ['fengxue', 'heping', 'luoxin'], places: EAST_PLACES, mode: 'assign',
    };
    return { north, east };
  });

  const names = new Set<string>();
  for (let n = 0; n < 48; n++) {
    const daysAgo = Math.round(350 - n * 7.2);
    const pool = n % 2 === 0 ? pools.north : pools.east;
    await db.transaction().execute(async (tx) => {
      await accountStory(tx, { random, tenantId, appUrl, as, id, daysAgo, pool, names });
      // The story's notices (assignments) belong to its days; old ones have long been read.
      const created = new Date(Date.now() - daysAgo * DAY).toISOString();
      await sql`UPDATE notifications SET created_at = ${created}::timestamptz,
          read_at = CASE WHEN ${created}::timestamptz < now() - interval '7 days' THEN ${created}::timestamptz END
        WHERE tenant_id = ${tenantId}::uuid AND created_at = now()`.execute(tx);
    });
  }

  // Accounts from before pools were turned on: held by their reps, in no group (§3.5.12).
  await db.transaction().execute(async (tx) => {
    for (const [login, place] of [['zhangsan', NORTH_PLACES[0]!], ['lisi', NORTH_PLACES[2]!], ['fengxue', EAST_PLACES[1]!], ['linfeng', EAST_PLACES[0]!]] as const) {
      const name = companyName(random, place, names);
      const row = await insertRecord(tx, await openScope(tx, await as(login), 'account'), {
        name, level: '普通客户', industry: random.pick(['制造业', '零售', '信息技术']), region: region(random, place), phone: phone(random, place),
      });
      await sql`UPDATE accounts SET pool_group_id = NULL, created_at = now() - interval '420 days', updated_at = now() - interval '420 days'
        WHERE tenant_id = ${tenantId}::uuid AND id = ${row.id as string}::uuid`.execute(tx);
    }
  });
}

interface Story {
  random: Random;
  tenantId: string;
  appUrl: string;
  as(login: string): Promise<AuthContext>;
  id(login: string): string;
  daysAgo: number;
  pool: Pool;
  names: Set<string>;
}

async function accountStory(tx: Tx, s: Story) {
  const { random, tenantId, pool } = s;
  const now = Date.now();
  let at = now - s.daysAgo * DAY - random.int(1, 8) * HOUR;
  const clock = (ms: number) => sql`SELECT set_config('yixiao.event_time', ${new Date(ms).toISOString()}, true)`.execute(tx);
  const scope = async (login: string, object: string) => openScope(tx, await s.as(login), object);
  await clock(at);
  const place = random.pick(pool.places);
  const name = companyName(random, place, s.names);
  const created = await insertRecord(tx, await scope(pool.admin, 'account'), {
    name, level: random.pick(['重点客户', '普通客户', '普通客户', '非优先客户']), industry: random.pick(['信息技术', '制造业', '金融', '零售', '物流', '教育']),
    region: region(random, place), address: `${random.pick(ROADS)}${random.int(1, 400)}号`, phone: phone(random, place),
    source: random.pick(['客户介绍', '网站', '展会', '其他']), poolGroupId: pool.groupId,
  }, { inPool: true });
  const accountId = created.id as string;
  await backdate(tx, tenantId, 'accounts', accountId, at);
  if (random.next() < 0.2 && s.daysAgo < 120) return; // still waiting in the pool

  // 领取 by a rep, or 分配 by the group's administrator.
  const holder = random.pick(pool.reps);
  at += random.int(2, 48) * HOUR;
  await clock(at);
  await take(tx, s, accountId, holder, at);

  const contacts = random.int(1, 3);
  for (let i = 0; i < contacts; i++) {
    const contact = await insertRecord(tx, await scope(holder, 'contact'), {
      name: chineseName(random), accountId, title: random.pick(TITLES), mobile: `13${random.int(100000000, 999999999)}`,
      ...(random.next() < 0.5 ? { email: `contact${random.int(100, 999)}@example.cn` } : {}),
    });
    await backdate(tx, tenantId, 'contacts', contact.id as string, at + i * HOUR);
  }
  const followUps = random.int(1, 3);
  for (let f = 0; f < followUps && at + 2 * DAY < now; f++) {
    at += random.int(1, 12) * DAY;
    if (at > now - HOUR) break;
    await postActivity(tx, await scope(holder, 'account'), accountId, {
      type: random.pick(['电话', '拜访', '邮件', '会议']), content: random.pick(NOTES), attachments: [], mentions: [], occurredAt: new Date(at).toISOString(),
    }, s.appUrl);
  }

  const outcome = random.next();
  const old = s.daysAgo > 60;
  if (outcome < 0.1 && old) {
    await clock(at += DAY);
    await runPoolAction(tx, await scope(holder, 'account'), 'abandon', accountId, { reason: '公司已注销' });
    return;
  }
  if (outcome < 0.35 && old) {
    await clock(at += random.int(5, 20) * DAY);
    await runPoolAction(tx, await scope(holder, 'account'), 'return', accountId, { reason: random.pick(RETURN_REASONS) });
    // Half of those were taken up again by a colleague and are being worked now.
    if (random.next() < 0.5) return;
    const next = random.pick(pool.reps.filter((r) => r !== holder));
    at += random.int(3, 30) * DAY;
    if (at > now - DAY) return;
    await clock(at);
    await take(tx, s, accountId, next, at);
    await keepWorking(tx, s, accountId, next, at);
    return;
  }
  await keepWorking(tx, s, accountId, holder, at);
}

/** Claims (or has the administrator assign) a pooled account to `login`, held from `at`. */
async function take(tx: Tx, s: Story, accountId: string, login: string, at: number) {
  const { pool } = s;
  const scope = await openScope(tx, await s.as(pool.mode === 'claim' ? login : pool.admin), 'account');
  await runPoolAction(tx, scope, pool.mode === 'claim' ? 'claim' : 'assign', accountId, pool.mode === 'claim' ? {} : { userId: s.id(login) });
  await sql`UPDATE accounts SET claimed_at = ${new Date(at).toISOString()}::timestamptz WHERE tenant_id = ${s.tenantId}::uuid AND id = ${accountId}::uuid`.execute(tx);
}

/** A held account: a recent follow-up, often an opportunity (won for some older ones), sometimes a team member. */
async function keepWorking(tx: Tx, s: Story, accountId: string, holder: string, since: number) {
  const { random, tenantId } = s;
  const now = Date.now();
  const scope = async (object: string) => openScope(tx, await s.as(holder), object);
  const clock = (ms: number) => sql`SELECT set_config('yixiao.event_time', ${new Date(ms).toISOString()}, true)`.execute(tx);
  const recent = Math.min(Math.max(since + HOUR, now - random.int(1, 40) * DAY), now - HOUR);
  await clock(recent);
  await postActivity(tx, await scope('account'), accountId, {
    type: random.pick(['电话', '拜访', '邮件']), content: random.pick(NOTES), attachments: [], mentions: [], occurredAt: new Date(recent).toISOString(),
  }, s.appUrl);
  if (random.next() < 0.55) {
    const opened = Math.min(since + random.int(3, 20) * DAY, now - 2 * HOUR);
    await clock(opened);
    const { rows } = await sql<{ name: string }>`SELECT name FROM accounts WHERE tenant_id = ${tenantId}::uuid AND id = ${accountId}::uuid`.execute(tx);
    const opportunity = await insertRecord(tx, await scope('opportunity'), {
      name: `${rows[0]!.name.slice(0, 6)} 年度采购项目`, accountId, amount: `${random.int(5, 150) * 10_000}.00`, stage: '需求确定',
      closeDate: new Date(now + random.int(10, 120) * DAY).toISOString().slice(0, 10),
    });
    await backdate(tx, tenantId, 'opportunities', opportunity.id as string, opened);
    if (now - since > 90 * DAY && random.next() < 0.5) {
      await clock(Math.min(opened + random.int(10, 60) * DAY, now - HOUR));
      const row = await sql<{ version: number }>`SELECT version FROM opportunities WHERE id = ${opportunity.id as string}::uuid`.execute(tx);
      await updateRecord(tx, await scope('opportunity'), opportunity.id as string, { stage: '赢单' }, row.rows[0]!.version);
    }
  }
  if (random.next() < 0.3) {
    // 团队成员 (§3.5.4): a colleague of the same pool follows the account too.
    const colleague = random.pick(s.pool.reps.filter((r) => r !== holder));
    const access = random.next() < 0.5 ? 'read' : 'write';
    await tx.insertInto('record_team_members').values({
      tenant_id: tenantId, object: 'account', record_id: accountId, user_id: s.id(colleague), access, added_by: s.id(holder),
      added_at: new Date(Math.min(since + DAY, now - HOUR)),
    }).execute();
    await auditRecord(tx, await scope('account'), accountId, 'team_add', [{ field: 'team', old: null, new: { userId: s.id(colleague), access } }]);
  }
}

function companyName(random: Random, place: Place, taken: Set<string>): string {
  for (;;) {
    const name = `${place[0]}${random.pick(WORDS)}${random.pick(KINDS)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const region = (random: Random, [, province, city, districts]: Place) => ({ province, city, district: random.pick(districts) });
const phone = (random: Random, place: Place) => `${place[4]}-${random.int(60000000, 89999999)}`;

/** Moves a record's creation to the instant `at`. */
async function backdate(tx: Tx, tenantId: string, table: string, recordId: string, at: number) {
  const when = new Date(at).toISOString();
  await sql`UPDATE ${sql.table(table)} SET created_at = ${when}::timestamptz, updated_at = ${when}::timestamptz
    WHERE tenant_id = ${tenantId}::uuid AND id = ${recordId}::uuid`.execute(tx);
}
