/** A seeded PRNG (mulberry32) so generated data is the same on every run for the same seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建国建华文辉力鹏飞宇浩然子涵欣怡梓轩一诺雨桐思远佳琪晨曦俊杰嘉怡志强海燕春梅晓东丹丹晓明';

export function chineseName(random: Random): string {
  const given = random.next() < 0.5
    ? GIVEN[random.int(0, GIVEN.length - 1)]!
    : GIVEN[random.int(0, GIVEN.length - 1)]! + GIVEN[random.int(0, GIVEN.length - 1)]!;
  return SURNAMES[random.int(0, SURNAMES.length - 1)]! + given;
}

const REGIONS = ['华北', '华东', '华南', '华中', '西南', '西北', '东北'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '西安', '天津', '重庆', '苏州', '长沙', '郑州', '青岛', '厦门'];
export const departmentName = (random: Random, level: number, index: number): string =>
  level === 1 ? `${REGIONS[index % REGIONS.length]}大区${index >= REGIONS.length ? index : ''}`
  : level === 2 ? `${random.pick(CITIES)}分公司`
  : level === 3 ? `销售${index + 1}部`
  : `第${index + 1}组`;
