import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import { loadPrincipal, type AuthContext } from '../platform/auth/context';
import { postActivity } from '../objects/activity/post-activity';
import { convertLead } from '../objects/lead/convert';
import { runPoolAction } from '../objects/pool/actions';
import { insertRecord } from '../records/create-record';
import { openScope } from '../records/scope';
import { updateRecord } from '../records/update-record';
import { chineseName, seededRandom, type Random } from './random';
import '../objects/pool/hooks';

const DAY = 86_400_000;
const CAMPAIGNS = [
  { name: '2026 春季新品发布会', type: '会议', daysAgo: 330, cost: 80_000, attendees: 120 },
  { name: '华北智能制造行业展会', type: '展会', daysAgo: 220, cost: 150_000, attendees: 300 },
  { name: '夏季线上直播推广', type: '网络推广', daysAgo: 130, cost: 30_000, attendees: 800 },
  { name: '年终客户答谢会', type: '会议', daysAgo: 35, cost: 60_000, attendees: 80 },
];
const COMPANY_WORDS = ['华信', '恒通', '远景', '星河', '同创', '中联', '博众', '新锐', '天成', '宏图', '金桥', '海润', '云帆', '湘江', '中原', '紫金', '光谷', '秦川'];
const COMPANY_KINDS = ['科技有限公司', '信息技术有限公司', '制造有限公司', '贸易有限公司', '数据服务有限公司'];
const CITIES = ['北京', '天津', '石家庄', '上海', '杭州', '南京', '苏州'];
const NOTES = ['电话沟通了需求，对方在评估 CRM 系统', '发送了产品资料，约了下周演示', '客户预算在审批中', '上门拜访，见到了 IT 负责人', '对方需要与现有 ERP 对接'];

/**
 * 市场活动, 公海分组 with members and an auto-assign rule, and a year of leads told as stories through
 * the pool engine: created in a pool from a campaign, assigned or claimed, followed up, converted
 * (some won), returned or abandoned. Each step is dated in the past (records backdated, events through
 * `yixiao.event_time`), so the campaign results, §3.2.6 and §4.1.10 show meaningful numbers.
 */
export async function seedDemoPools(db: Db, tenantId: string, userIds: Map<string, string>, appUrl: string) {
  const random = seededRandom(11);
  const auths = new Map<string, AuthContext>();
  const as = async (login: string) => {
    if (!auths.has(login)) auths.set(login, { ...(await loadPrincipal(db, tenantId, userIds.get(login)!))!, via: 'session' });
    return auths.get(login)!;
  };
  const id = (login: string) => userIds.get(login)!;

  const { north, east, campaigns } = await db.transaction().execute(async (tx) => {
    const campaigns: { id: string; daysAgo: number }[] = [];
    for (const c of CAMPAIGNS) {
      const scope = await openScope(tx, await as('zhaomin'), 'campaign');
      const start = new Date(Date.now() - c.daysAgo * DAY).toISOString().slice(0, 10);
      const end = new Date(Date.now() - (c.daysAgo - 2) * DAY).toISOString().slice(0, 10);
      const row = await insertRecord(tx, scope, {
        name: c.name, type: c.type, status: c.daysAgo > 40 ? '已完成' : '进行中', startDate: start, endDate: end,
        budgetCost: `${c.cost * 1.2}.00`, actualCost: `${c.cost}.00`, expectedAttendees: String(Math.round(c.attendees * 1.3)), actualAttendees: String(c.attendees),
      });
      await backdate(tx, tenantId, 'campaigns', row.id as string, c.daysAgo + 20);
      campaigns.push({ id: row.id as string, daysAgo: c.daysAgo });
    }
    const group = async (name: string, settings: Record<string, unknown>, members: [string, boolean][]) => {
      const row = await tx.insertInto('pool_groups').values({ tenant_id: tenantId, object: 'lead', name, sort_order: 1, ...settings })
        .returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('pool_group_members').values(members.map(([login, isAdmin]) => ({ tenant_id: tenantId, group_id: row.id, user_id: id(login), is_admin: isAdmin }))).execute();
      return row.id;
    };
    const north = await group('华北线索池', { claim_mode: 'claim', max_held: 60, recycle_idle_days: 30, recycle_unconverted_days: 120 },
      [['sunli', true], ['zhaomin', false], ['zhouqiang', false], ['zhangsan', false], ['lisi', false], ['wuhao', false]]);
    const east = await group('华东线索池', { claim_mode: 'assign', preview_allowed: false, recycle_idle_days: 45 },
      [['zhengwei', true], ['zhaomin', false], ['fengxue', false], ['heping', false], ['luoxin', false]]);
    await tx.insertInto('pool_assign_rules').values({
      tenant_id: tenantId, group_id: north, name: '新线索轮流分配', position: 1,
      conditions: JSON.stringify([{ field: 'returnedCount', op: 'lt', value: 1 }, { field: 'source', op: 'in', value: ['市场活动', '网站'] }]),
      targets: JSON.stringify([{ type: 'user', id: id('zhangsan') }, { type: 'user', id: id('lisi') }, { type: 'user', id: id('wuhao') }]),
    }).execute();
    return { north, east, campaigns };
  });

  for (let n = 0; n < 96; n++) {
    const daysAgo = Math.round(360 - n * 3.7);
    const inNorth = n % 3 !== 2;
    const campaign = [...campaigns].reverse().find((c) => c.daysAgo >= daysAgo && c.daysAgo - daysAgo < 60);
    await db.transaction().execute(async (tx) => {
      await leadStory(tx, { random, tenantId, appUrl, as, id, daysAgo, groupId: inNorth ? north : east, inNorth, campaignId: campaign?.id ?? null });
      // The story's notices (assignments) belong to its days; old ones have long been read.
      const created = new Date(Date.now() - daysAgo * DAY).toISOString();
      await sql`UPDATE notifications SET created_at = ${created}::timestamptz,
          read_at = CASE WHEN ${created}::timestamptz < now() - interval '7 days' THEN ${created}::timestamptz END
        WHERE tenant_id = ${tenantId}::uuid AND created_at = now()`.execute(tx);
    });
  }
}

interface Story {
  random: Random;
  tenantId: string;
  appUrl: string;
  as(login: string): Promise<AuthContext>;
  id(login: string): string;
  daysAgo: number;
  groupId: string;
  inNorth: boolean;
  campaignId: string | null;
}

async function leadStory(tx: Tx, s: Story) {
  const { random, tenantId } = s;
  let at = Date.now() - s.daysAgo * DAY - random.int(1, 8) * 3600_000;
  const clock = (ms: number) => sql`SELECT set_config('yixiao.event_time', ${new Date(ms).toISOString()}, true)`.execute(tx);
  await clock(at);
  const company = `${random.pick(CITIES)}${random.pick(COMPANY_WORDS)}${random.pick(COMPANY_KINDS)}`;
  const creator = await s.as(s.campaignId ? 'zhaomin' : 'liuyang');
  const leadScope = async (login: string) => openScope(tx, await s.as(login), 'lead');
  let lead = await insertRecord(tx, await openScope(tx, creator, 'lead'), {
    name: chineseName(random), companyName: company, mobile: `13${random.int(100000000, 999999999)}`, poolGroupId: s.groupId,
    source: s.campaignId ? '市场活动' : random.pick(['网站', '电话咨询', '客户介绍']), industry: random.pick(['信息技术', '制造业', '金融', '零售', '物流']),
    campaignId: s.campaignId, title: random.pick(['采购经理', '信息中心主任', '总经理', '运营总监']),
  }, { inPool: true });
  const leadId = lead.id as string;
  await backdate(tx, tenantId, 'leads', leadId, s.daysAgo);


  // 华东 assigns by hand; 华北's rule already gave web and campaign leads out in turn.
  if (!lead.ownerId) {
    const roll = random.next();
    if (roll < 0.15 && s.daysAgo < 90) return; // still waiting in the pool
    at += random.int(2, 30) * 3600_000;
    await clock(at);
    if (s.inNorth) {
      const login = random.pick(['zhangsan', 'lisi', 'wuhao']);
      lead = await runPoolAction(tx, await leadScope(login), 'claim', leadId, {}).then((r) => ({ ...lead, ownerId: r.owner_id }));
    } else {
      const login = random.pick(['fengxue', 'heping', 'luoxin']);
      lead = await runPoolAction(tx, await leadScope('zhengwei'), 'assign', leadId, { userId: s.id(login) }).then((r) => ({ ...lead, ownerId: r.owner_id }));
    }
  }
  const holderId = lead.ownerId as string;
  const holderLogin = [...['zhangsan', 'lisi', 'wuhao', 'fengxue', 'heping', 'luoxin']].find((l) => s.id(l) === holderId)!;
  const holder = await s.as(holderLogin);
  await sql`UPDATE leads SET claimed_at = ${new Date(at).toISOString()}::timestamptz WHERE tenant_id = ${tenantId}::uuid AND id = ${leadId}::uuid`.execute(tx);

  const outcome = random.next();
  const followUps = outcome < 0.12 ? 0 : random.int(1, 3);
  for (let f = 0; f < followUps; f++) {
    at += random.int(1, 9) * DAY;
    if (at > Date.now() - 3600_000) break;
    await postActivity(tx, await leadScope(holderLogin), leadId, {
      type: random.pick(['电话', '拜访', '邮件']), content: random.pick(NOTES), attachments: [], mentions: [], occurredAt: new Date(at).toISOString(),
    }, s.appUrl);
  }
  if (followUps > 0) {
    const status = outcome < 0.5 ? '已联系' : '未处理';
    const row = await sql<{ version: number }>`SELECT version FROM leads WHERE id = ${leadId}::uuid`.execute(tx);
    await updateRecord(tx, await leadScope(holderLogin), leadId, { status }, row.rows[0]!.version);
  }
  at += random.int(1, 6) * DAY;
  if (at > Date.now() - 3600_000) return; // too recent for anything else: held and being worked
  await clock(at);

  if (outcome > 0.62 && followUps > 0) {
    // 转为客户, with an opportunity most of the time; some of those won since.
    const withOpportunity = random.next() < 0.85;
    const amount = `${random.int(3, 80) * 10_000}.00`;
    const result = await convertLead(tx, holder, leadId, {
      account: { values: { name: company } }, contact: { values: {} },
      ...(withOpportunity ? { opportunity: { values: { name: `${company.slice(0, 6)} CRM 项目`, amount, stage: '需求确定' } } } : {}),
    });
    await sql`UPDATE leads SET converted_at = ${new Date(at).toISOString()}::timestamptz WHERE tenant_id = ${tenantId}::uuid AND id = ${leadId}::uuid`.execute(tx);
    await backdate(tx, tenantId, 'accounts', result.account.id, 0, at);
    await backdate(tx, tenantId, 'contacts', result.contact.id, 0, at);
    if (result.opportunity) {
      await backdate(tx, tenantId, 'opportunities', result.opportunity.id, 0, at);
      const won = random.next() < 0.45 && s.daysAgo > 40;
      const lost = !won && random.next() < 0.3 && s.daysAgo > 40;
      if (won || lost) {
        const scope = await openScope(tx, holder, 'opportunity');
        const row = await sql<{ version: number }>`SELECT version FROM opportunities WHERE id = ${result.opportunity.id}::uuid`.execute(tx);
        await updateRecord(tx, scope, result.opportunity.id, won ? { stage: '赢单' } : { stage: '输单', lostReason: '价格' }, row.rows[0]!.version);
      }
    }
  } else if (outcome < 0.12) {
    await runPoolAction(tx, await leadScope(holderLogin), 'abandon', leadId, { reason: '联系方式无效' });
  } else if (outcome < 0.3 || s.daysAgo > 25) {
    // Older leads nobody converted went back, as the recycle rules would have sent them.
    await runPoolAction(tx, await leadScope(holderLogin), 'return', leadId, { reason: '暂无采购计划' });
  }
}

/** Moves a record's creation into the past: `daysAgo` days before now, or to the instant `at`. */
async function backdate(tx: Tx, tenantId: string, table: string, recordId: string, daysAgo: number, at?: number) {
  const when = new Date(at ?? Date.now() - daysAgo * DAY).toISOString();
  await sql`UPDATE ${sql.table(table)} SET created_at = ${when}::timestamptz, updated_at = ${when}::timestamptz
    WHERE tenant_id = ${tenantId}::uuid AND id = ${recordId}::uuid`.execute(tx);
}
