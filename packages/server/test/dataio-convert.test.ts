import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import type { Locale } from '@yixiao/core';
import type { DB } from '../src/db/schema';
import { makeRowConverter, type ConvertedRow } from '../src/dataio/read/convert';
import { planColumns } from '../src/dataio/read/columns';
import type { SheetRow } from '../src/dataio/sheet.types';
import { loadPrincipal } from '../src/platform/auth/context';
import { AppError } from '../src/platform/http/errors';
import { t as message } from '../src/platform/i18n/messages';
import { createUser } from '../src/platform/org/users';
import { openScope, type RecordScope } from '../src/records/scope';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

const FIELDS = '/api/v1/admin/objects/lead/fields';

describe('import rows → record values: every field type, names resolved per batch, errors naming column and value', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let repScope: RecordScope;
  const ids: Record<string, string> = {};

  const scopeOf = async (seat: Seat, object = 'lead') => {
    const principal = await loadPrincipal(t.database.db, org.tenantId, org.userIds[seat]);
    return openScope(t.database.db, { ...principal!, via: 'session' }, object);
  };

  before(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    c = await org.clients();
    const add = async (key: string, type: string, extra: Record<string, unknown> = {}) => {
      const res = await c.admin.post(FIELDS, { key, label: { zh: `自定义${type}`, en: `Custom ${type}` }, type, ...extra });
      assert.equal(res.statusCode, 201, res.body);
    };
    const options = [{ label: { zh: 'A类', en: 'Class A' } }, { label: { zh: 'B类', en: 'Class B' } }, { label: { zh: 'C类', en: 'Class C' }, enabled: false }];
    await add('cf_text', 'text', { maxLength: 10 });
    await add('cf_number', 'number');
    await add('cf_money', 'currency');
    await add('cf_pct', 'percent');
    await add('cf_date', 'date');
    await add('cf_dt', 'datetime');
    await add('cf_bool', 'boolean');
    await add('cf_pick', 'picklist', { options });
    await add('cf_multi', 'multipicklist', { options });
    await add('cf_acc', 'lookup', { lookup: 'account' });
    await add('cf_user', 'user');
    await add('cf_dept', 'department');
    await add('cf_email', 'email');
    await add('cf_url', 'url');
    await add('cf_region', 'region');
    const account = async (seat: Seat, name: string) => (await c[seat].post('/api/v1/account', { name })).json().id as string;
    ids.visible = await account('rep', '甲客户');
    ids.hidden = await account('peer', '乙客户');
    await account('rep', '重名客户');
    await account('rep', '重名客户');
    const campaign = await c.rep.post('/api/v1/campaign', { name: '春季展会' });
    assert.equal(campaign.statusCode, 201, campaign.body);
    ids.campaign = campaign.json().id;
    await t.database.db.transaction().execute(async (tx) => {
      for (const login of ['same_a', 'same_b']) {
        await createUser(tx, org.tenantId, { login: `${login}_${org.tenantId.slice(0, 8)}`, name: '张伟', password: 'Passw0rd-test', departmentId: org.departments.east, roleIds: [] });
      }
    });
    repScope = await scopeOf('rep');
  });
  after(() => t.close());

  const HEADER = ['姓名', '公司名称', '负责人', '跟进状态', '市场活动', '性别', '自定义text', '自定义number', '自定义currency', '自定义percent', '自定义date',
    '自定义datetime', '自定义boolean', '自定义picklist', '自定义multipicklist', '自定义lookup', '自定义user', '自定义department', '自定义email', '自定义url', '自定义region'];

  async function convert(rows: string[][], options: { locale?: Locale; format?: 'csv' | 'xlsx'; header?: string[]; scope?: RecordScope } = {}) {
    const scope = options.scope ?? repScope;
    const plan = planColumns(scope.object, options.header ?? HEADER, options.locale ?? 'zh-CN', 'records');
    const convertBatch = makeRowConverter(t.database.db, scope, plan, { locale: options.locale ?? 'zh-CN', format: options.format ?? 'csv' });
    const sheetRows: SheetRow[] = rows.map((cells, i) => ({ line: i + 2, cells }));
    return convertBatch(sheetRows);
  }
  const valuesOf = (row: ConvertedRow) => {
    assert.ok('values' in row, 'error' in row ? row.error : '');
    return row.values;
  };
  const errorOf = (row: ConvertedRow) => {
    assert.ok('error' in row, `expected an error, got ${JSON.stringify(row)}`);
    return row.error;
  };

  it('turns the words of a sheet into stored values of every type', async () => {
    const [row] = await convert([[
      '高姗', ' 北京仁科 ', '孙销售', '已联系', '春季展会', '女', '短文本', '1,234.5', '￥12,345.60', '15%', '2024/3/5',
      '2024-03-05 09:30', '是', 'Class B', 'A类、B类', '甲客户', '钱经理', '华北区', 'gao@example.cn', 'https://example.cn', '广东省/深圳市/南山区',
    ]]);
    assert.deepEqual(valuesOf(row!), {
      name: '高姗', companyName: '北京仁科', ownerId: org.userIds.rep, status: '已联系', campaignId: ids.campaign, gender: '女',
      cf_text: '短文本', cf_number: '1234.5', cf_money: '12345.60', cf_pct: '15', cf_date: '2024-03-05',
      // 09:30 in the company's time zone (Asia/Shanghai).
      cf_dt: '2024-03-05T01:30:00.000Z', cf_bool: true, cf_pick: 'B类', cf_multi: ['A类', 'B类'], cf_acc: ids.visible,
      cf_user: org.userIds.manager, cf_dept: org.departments.north, cf_email: 'gao@example.cn', cf_url: 'https://example.cn',
      cf_region: { province: '广东省', city: '深圳市', district: '南山区' },
    });
    assert.equal(row!.line, 2);
  });

  it('leaves empty cells null, takes other spellings (否, yyyy-m-d, comma-separated options, sign-in names)', async () => {
    const empty = Array.from({ length: HEADER.length }, () => '');
    const minimal = ['贝刚', '上海仁科', `rep_${org.logins.rep.split('_')[1]}`, '未处理', ...empty.slice(4)];
    const [row] = await convert([minimal]);
    const values = valuesOf(row!);
    assert.equal(values.ownerId, org.userIds.rep, 'a sign-in name identifies the user too');
    assert.equal(values.cf_text, null);
    assert.equal(values.campaignId, null);
    assert.equal(Object.keys(values).length, HEADER.length);
    const other = [...minimal];
    other[HEADER.indexOf('自定义boolean')] = '否';
    other[HEADER.indexOf('自定义date')] = '2024-3-5';
    other[HEADER.indexOf('自定义multipicklist')] = 'B类, A类';
    other[HEADER.indexOf('自定义region')] = '北京市 北京市';
    const [row2] = await convert([other]);
    assert.deepEqual([valuesOf(row2!).cf_bool, valuesOf(row2!).cf_date, valuesOf(row2!).cf_multi, valuesOf(row2!).cf_region],
      [false, '2024-03-05', ['B类', 'A类'], { province: '北京市', city: '北京市' }]);
  });

  it('says what is wrong with a row, naming the column and the value, every problem at once', async () => {
    const base = ['高姗', '北京仁科', '孙销售', '未处理', ...Array.from({ length: HEADER.length - 4 }, () => '')];
    const withCell = (column: string, value: string) => { const r = [...base]; r[HEADER.indexOf(column)] = value; return r; };
    const rows = await convert([
      withCell('公司名称', ''),
      withCell('负责人', '贝刚'),
      withCell('负责人', '张伟'),
      withCell('市场活动', '秋季展会'),
      withCell('自定义lookup', '乙客户'),
      withCell('自定义lookup', '重名客户'),
      withCell('性别', '未知'),
      withCell('自定义multipicklist', 'A类、D类'),
      withCell('自定义picklist', 'C类'),
      withCell('自定义date', '2024-02-30'),
      withCell('自定义date', '45356'),
      withCell('自定义datetime', '昨天'),
      withCell('自定义boolean', '也许'),
      withCell('自定义number', '12a'),
      withCell('自定义number', '1,2'),
      withCell('自定义currency', '1.234'),
      withCell('自定义text', '这段文字超过了十个字的长度'),
      withCell('自定义email', 'gao@'),
      withCell('自定义url', 'example.cn'),
      withCell('自定义region', '火星省/北京市'),
      withCell('自定义department', '不存在的部门'),
      [...base, '多出来的'],
      withCell('姓名', '').map((v, i) => (i === HEADER.indexOf('自定义number') ? 'x' : v)),
    ]);
    assert.deepEqual(rows.map(errorOf), [
      '公司名称不能为空',
      '负责人“贝刚”不存在',
      '负责人“张伟”有重名用户，请填写登录账号区分',
      '市场活动“秋季展会”不存在或您无权查看',
      '自定义lookup“乙客户”不存在或您无权查看',
      '自定义lookup“重名客户”对应多条记录，无法确定是哪一条',
      '性别“未知”不是可选的选项',
      '自定义multipicklist“D类”不是可选的选项',
      '自定义picklist的选项“C类”已停用',
      '自定义date“2024-02-30”不是有效的日期（格式为 yyyy-mm-dd）',
      '自定义date“45356”不是有效的日期（格式为 yyyy-mm-dd）',
      '自定义datetime“昨天”不是有效的时间（格式为 yyyy-mm-dd HH:mm）',
      '自定义boolean只能填“是”或“否”，不能是“也许”',
      '自定义number“12a”不是有效的数字',
      '自定义number“1,2”不是有效的数字',
      '自定义currency“1.234”不是有效的金额（最多两位小数）',
      '自定义text超过 10 个字',
      '自定义email“gao@”不是有效的电子邮件地址',
      '自定义url“example.cn”不是有效的网址（须以 http:// 或 https:// 开头）',
      '自定义region“火星省/北京市”不是有效的省/市/区',
      '自定义department“不存在的部门”不存在',
      `该行有 ${HEADER.length + 1} 个单元格，多于表头的 ${HEADER.length} 列（可能是未加引号的逗号）`,
      '姓名不能为空；自定义number“x”不是有效的数字',
    ]);
    assert.deepEqual(rows.map((r) => r.line), rows.map((_, i) => i + 2));
    const [english] = await convert([withCell('负责人', '贝刚')], { locale: 'en-US' });
    assert.equal(errorOf(english!), '负责人 "贝刚" does not exist');
  });

  it('takes Excel serial numbers as dates in XLSX files only', async () => {
    const base = ['高姗', '北京仁科', '孙销售', '未处理', ...Array.from({ length: HEADER.length - 4 }, () => '')];
    base[HEADER.indexOf('自定义date')] = '45356';
    base[HEADER.indexOf('自定义datetime')] = '45356.5';
    const [row] = await convert([base], { format: 'xlsx' });
    assert.equal(valuesOf(row!).cf_date, '2024-03-05');
    assert.equal(valuesOf(row!).cf_dt, '2024-03-05T04:00:00.000Z');
  });

  it('resolves names with one query per kind for the whole batch', async () => {
    const queries: string[] = [];
    const logged = new Kysely<DB>({ dialect: new PostgresDialect({ pool: t.database.pool }), log: (event) => { queries.push(event.query.sql); } });
    {
      const base = ['高姗', '北京仁科', '孙销售', '未处理', '春季展会', ...Array.from({ length: HEADER.length - 5 }, () => '')];
      base[HEADER.indexOf('自定义lookup')] = '甲客户';
      base[HEADER.indexOf('自定义user')] = '钱经理';
      const plan = planColumns(repScope.object, HEADER, 'zh-CN', 'records');
      const rows = await makeRowConverter(logged, repScope, plan, { locale: 'zh-CN', format: 'csv' })(
        Array.from({ length: 200 }, (_, i) => ({ line: i + 2, cells: base.map((v, j) => (j === 0 ? `${v}${i}` : v)) })));
      assert.equal(rows.filter((r) => 'values' in r).length, 200);
    }
    const count = (pattern: RegExp) => queries.filter((q) => pattern.test(q)).length;
    assert.equal(count(/from "users"/i), 1, queries.join('\n'));
    assert.equal(count(/FROM "accounts"/), 1);
    assert.equal(count(/FROM "campaigns"/), 1);
  });

  describe('the header', () => {
    const refused = (header: string[], object = repScope.object, target: 'records' | 'pool' = 'records', locale: Locale = 'zh-CN') => {
      try {
        planColumns(object, header, locale, target);
      } catch (e) {
        assert.ok(e instanceof AppError);
        assert.equal(e.status, 400);
        return message(locale, e.messageKey, e.params);
      }
      assert.fail('the header was accepted');
    };

    it('matches labels (zh, en, the manual\'s 负责人 / 状态) in any order, optional columns left out', () => {
      const plan = planColumns(repScope.object, [' 状态 ', 'Company', '姓名', '负责人', '手机'], 'zh-CN', 'records');
      assert.deepEqual(plan.columns.map((col) => [col.index, col.field.key]), [[0, 'status'], [1, 'companyName'], [2, 'name'], [3, 'ownerId'], [4, 'mobile']]);
    });

    it('refuses unknown, repeated, system and missing required columns together', () => {
      assert.equal(refused(['姓名', '公司名称', '负责人', '销售线索所有人', '微信号', '创建日期']),
        '表头有误：无法识别的列 “微信号”（表头名称须与数据模板一致）；列 “创建日期” 由系统填写，不能导入，请删除；重复的列 “销售线索所有人”；缺少必填列 “跟进状态”');
      assert.equal(refused(['姓名'], repScope.object, 'records', 'en-US'),
        'The header is wrong: missing required columns “公司名称”、“销售线索所有人”、“跟进状态”');
    });

    it('knows each object\'s required columns; a pool import has no owner column', async () => {
      const account = await scopeOf('rep', 'account');
      assert.match(refused(['客户名称'], account.object), /缺少必填列 “客户所有人”、“所属公海”/);
      assert.deepEqual(planColumns(account.object, ['客户名称', '负责人', '公海池分组'], 'zh-CN', 'records').columns.map((col) => col.field.key), ['name', 'ownerId', 'poolGroupId']);
      assert.match(refused(['客户名称', '所属公海', '负责人'], account.object, 'pool'), /列 “负责人” 不能导入公海池/);
      assert.equal(planColumns(account.object, ['客户名称', '所属公海'], 'zh-CN', 'pool').columns.length, 2);
      const contact = await scopeOf('rep', 'contact');
      assert.match(refused(['姓名', '联系人所有人'], contact.object), /缺少必填列 “客户”/);
    });

    it('reads pool groups by name', async () => {
      const account = await scopeOf('rep', 'account');
      const plan = planColumns(account.object, ['客户名称', '客户所有人', '公海池分组'], 'zh-CN', 'records');
      const rows = await makeRowConverter(t.database.db, account, plan, { locale: 'zh-CN', format: 'csv' })([
        { line: 2, cells: ['丙客户', '孙销售', '默认客户池'] },
        { line: 3, cells: ['丁客户', '孙销售', '没有这个池'] },
      ]);
      assert.equal(valuesOf(rows[0]!).poolGroupId, account.object.field('poolGroupId')!.options![0]!.value);
      assert.equal(errorOf(rows[1]!), '公海池分组“没有这个池”不是可选的选项');
    });
  });
});
