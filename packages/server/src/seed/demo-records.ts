import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import { loadPrincipal } from '../platform/auth/context';
import { insertRecord } from '../records/create-record';
import { openScope } from '../records/scope';
import { postActivity } from '../objects/activity/post-activity';
import { seededRandom } from './random';

const COMPANIES = [
  '北京仁科互动网络技术有限公司', '上海华信软件股份有限公司', '深圳恒通电子科技有限公司', '杭州远景数据服务有限公司',
  '南京星河智能制造有限公司', '成都同创信息技术有限公司', '武汉中联物流集团', '西安博众教育科技有限公司',
  '天津新锐医疗器械有限公司', '广州天成零售连锁有限公司', '苏州宏图精密机械有限公司', '重庆金桥能源有限公司',
  '青岛海润食品有限公司', '厦门云帆网络科技有限公司', '长沙湘江建设集团', '郑州中原汽车配件有限公司',
  '北京京东方照明有限公司', '上海浦江金融信息服务有限公司', '深圳前海跨境电商有限公司', '杭州西溪文化传媒有限公司',
  '南京紫金环保科技有限公司', '成都天府软件园管理有限公司', '武汉光谷生物医药有限公司', '西安秦川航空部件有限公司',
];
const PEOPLE = ['王芳', '李强', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '徐涛', '孙娜', '马超', '朱丽', '胡斌', '郭婷'];
const TITLES = ['采购经理', '信息中心主任', '总经理', '财务总监', '技术负责人', '运营总监'];
const STAGES = ['初步接洽', '需求确定', '方案/报价', '谈判审核', '赢单', '输单'];
const NOTES = ['电话沟通了需求，客户对报表功能很感兴趣', '上门拜访，见到了信息中心主任', '发送了产品方案和报价单', '客户内部评审中，下周再跟进', '约了下周二的演示会议'];
const OWNERS = ['zhangsan', 'lisi', 'wuhao', 'fengxue', 'heping', 'luoxin', 'linfeng', 'huangying'];

/**
 * Accounts, contacts, opportunities, leads and follow-ups for the demo company's reps, written
 * through the record engine (so search, visibility and the operation log hold as for real data),
 * with creation dates spread over the last months.
 */
export async function seedDemoRecords(db: Db, tenantId: string, userIds: Map<string, string>, appUrl: string) {
  const random = seededRandom(7);
  await db.transaction().execute(async (tx) => {
    let company = 0;
    for (const login of OWNERS) {
      const principal = await loadPrincipal(tx, tenantId, userIds.get(login)!);
      if (!principal) continue;
      const auth = { ...principal, via: 'session' as const };
      const scope = (object: string) => openScope(tx, auth, object);
      const backdate = (table: string, id: unknown, days: number) =>
        sql`UPDATE ${sql.table(table)} SET created_at = now() - make_interval(days => ${days}), updated_at = now() - make_interval(days => ${days})
            WHERE tenant_id = ${tenantId}::uuid AND id = ${id as string}::uuid`.execute(tx);

      for (let i = 0; i < 3; i++) {
        const name = COMPANIES[company++ % COMPANIES.length]!;
        const account = await insertRecord(tx as Tx, await scope('account'), {
          name, level: random.pick(['重点客户', '普通客户', '非优先客户']), industry: random.pick(['信息技术', '制造业', '金融', '教育', '医疗', '零售']),
          phone: `010-${random.int(60000000, 89999999)}`, address: `${name.slice(0, 2)}市高新区科技路${random.int(1, 300)}号`,
        });
        await backdate('accounts', account.id, random.int(20, 300));
        for (let c = 0; c < 2; c++) {
          const contact = await insertRecord(tx as Tx, await scope('contact'), {
            name: random.pick(PEOPLE), accountId: account.id, title: random.pick(TITLES), mobile: `139${random.int(10000000, 99999999)}`,
          });
          await backdate('contacts', contact.id, random.int(10, 200));
        }
        const stage = random.pick(STAGES);
        const opportunity = await insertRecord(tx as Tx, await scope('opportunity'), {
          name: `${name.replace(/(股份)?有限(责任)?公司|集团/, '')} CRM 项目`, accountId: account.id, stage,
          amount: `${random.int(5, 120) * 10000}.00`, closeDate: new Date(Date.now() + random.int(-60, 120) * 86_400_000).toISOString().slice(0, 10),
          ...(stage === '输单' ? { lostReason: random.pick(['价格', '竞争对手', '预算取消']) } : {}),
        });
        await backdate('opportunities', opportunity.id, random.int(5, 150));
        if (random.next() < 0.7) {
          await postActivity(tx as Tx, await scope('account'), account.id as string,
            { type: random.pick(['电话', '拜访', '邮件', '会议']), content: random.pick(NOTES), attachments: [], mentions: [] }, appUrl);
        }
      }
      for (let i = 0; i < 4; i++) {
        const lead = await insertRecord(tx as Tx, await scope('lead'), {
          name: random.pick(PEOPLE), companyName: COMPANIES[(company + i * 5) % COMPANIES.length]!.replace('有限公司', '') + random.pick(['', '分公司', '办事处']),
          mobile: `138${random.int(10000000, 99999999)}`, status: random.pick(['未处理', '未处理', '已联系', '关闭']),
          source: random.pick(['网站', '电话咨询', '客户介绍', '展会']), industry: random.pick(['信息技术', '制造业', '金融']),
        });
        await backdate('leads', lead.id, random.int(0, 60));
      }
    }
  });
}
