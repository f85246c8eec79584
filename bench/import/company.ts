// The company and the file of the import benchmark (issue 7), shared by import.bench.ts and explain.ts.
import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/database';
import { generateOrganisation } from '../../packages/server/src/seed/generate-organisation';
import { generateLeads } from '../generate-records';

export const HEADER = ['姓名', '公司名称', '跟进状态', '手机', '电话', '职务', '电子邮件', '行业', '地址', '预算', '意向产品', '线索等级'];
const INDUSTRIES = ['信息技术', '制造业', '金融', '教育', '医疗'];
const GRADES = ['A', 'B', 'C'];

/** Row i of the file: 5% (every 20th) repeat the 手机 of an existing lead (generateLeads: '13' + 9 digits of n). */
export function row(i: number, existing: number): string[] {
  const duplicate = i % 20 === 0 && existing > 0;
  const mobile = duplicate ? `13${String(1 + ((i * 7919) % existing)).padStart(9, '0')}` : `15${String(i).padStart(9, '0')}`;
  return [
    `导入客户${i}`, `导入𠀀科技${i % 50_000}有限公司`, ['未处理', '已联系'][i % 2]!, mobile, `010-${String(i % 100_000_000).padStart(8, '0')}`,
    ['经理', '总监', '工程师'][i % 3]!, `user${i}@example.com`, INDUSTRIES[i % 5]!, `北京市海淀区中关村大街${i % 1000}号`,
    String((i % 1000) * 100), `产品${i % 7}`, GRADES[i % 3]!,
  ];
}

/**
 * A company of 200 users holding `existing` leads, with three custom fields, the 查重规则 by 手机 and,
 * when `assign`, an auto-assign rule on the default lead pool: 信息技术 leads go in turn to the users
 * of one department.
 */
export async function benchCompany(db: Db, existing: number, assign: boolean) {
  const org = await generateOrganisation(db, { name: '导入基准公司', users: 200, depth: 5, fanOut: 2, password: 'BenchPassw0rd', loginPrefix: 'i_' });
  await generateLeads(db, org.tenantId, existing);
  const tenantId = org.tenantId;
  await db.insertInto('field_settings').values([
    { tenant_id: tenantId, object: 'lead', field_key: 'c_budget', custom: true, settings: JSON.stringify({ label: { zh: '预算', en: 'Budget' }, type: 'number' }) },
    { tenant_id: tenantId, object: 'lead', field_key: 'c_product', custom: true, settings: JSON.stringify({ label: { zh: '意向产品', en: 'Product' }, type: 'text', maxLength: 100 }) },
    { tenant_id: tenantId, object: 'lead', field_key: 'c_grade', custom: true, settings: JSON.stringify({ label: { zh: '线索等级', en: 'Grade' }, type: 'picklist', options: GRADES.map((g) => ({ value: g, label: { zh: g, en: g }, enabled: true })) }) },
  ]).execute();
  await db.insertInto('dedupe_rules').values({ tenant_id: tenantId, object: 'lead', enabled: true, fields: JSON.stringify([{ field: 'mobile', match: 'exact' }]), updated_by: null }).execute();
  const group = await db.selectFrom('pool_groups').select('id').where('tenant_id', '=', tenantId).where('object', '=', 'lead').where('is_default', '=', true).executeTakeFirstOrThrow();
  const team = await sql<{ department_id: string }>`SELECT department_id FROM users WHERE tenant_id = ${tenantId}::uuid GROUP BY department_id HAVING count(*) >= 5 LIMIT 1`.execute(db);
  if (assign) await db.insertInto('pool_assign_rules').values({
    tenant_id: tenantId, group_id: group.id, name: '信息技术线索轮流分配', conditions: JSON.stringify([{ field: 'industry', op: 'eq', value: '信息技术' }]),
    targets: JSON.stringify([{ type: 'department', id: team.rows[0]!.department_id }]),
  }).execute();
  await sql`VACUUM ANALYZE leads`.execute(db);
  const admin = await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('login', '=', org.adminLogin).executeTakeFirstOrThrow();
  return { tenantId, groupId: group.id, adminId: admin.id };
}
