import { REGION_NAMES, REGION_SUFFIXES } from './regions';

/**
 * The TypeScript twin of the SQL function company_name_key() (0012_dedupe_search.sql): the
 * database's function is the one queries and indexes use; this one lets tests and the UI reason
 * about keys without a round trip. The dedupe test runs both over the same inputs.
 */

/** Legal forms, branch words and the trade words Chinese company names end with. */
export const NAME_SUFFIXES = [
  '集团股份有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '股份公司', '集团公司', '分公司', '总公司', '子公司',
  '办事处', '事务所', '工作室', '分行', '支行', '分店', '集团', '公司', '控股', '股份', '实业', '科技', '网络', '信息', '技术',
  '软件', '电子商务', '电子', '贸易', '商贸', '发展', '投资', '咨询', '服务', '管理', '文化', '传媒', '工程', '国际', '企业',
];

/** English legal forms, stripped only as separate trailing words ("Acme Co., Ltd."), never inside a word. */
export const ENGLISH_SUFFIXES = ['co', 'ltd', 'limited', 'inc', 'corp', 'corporation', 'company', 'llc', 'gmbh', 'group', 'holdings', 'plc'];

/**
 * Width and case: NFKC turns full-width letters, digits, brackets and the ideographic space into
 * their ASCII forms (ＡＢＣ（１）→ ABC(1)), then lower case; every other kind of bracket becomes ().
 */
export const BRACKETS_FROM = '[]{}【】〔〕〖〗';
export const BRACKETS_TO = '()()()()()';

const BRACKET = new Map([...BRACKETS_FROM].map((c, i) => [c, BRACKETS_TO[i]!]));
const fold = (text: string) => [...text.normalize('NFKC').toLowerCase()].map((c) => BRACKET.get(c) ?? c).join('');
/** Everything but digits, a–z, Latin letters with accents, brackets and CJK ideographs becomes a space. */
const OTHER = /[^0-9a-z()\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const BRACKETED = /\([^()]*\)/g;
const ENGLISH_TAIL = new RegExp(` (${ENGLISH_SUFFIXES.join('|')})$`);
const region = `(?:${REGION_NAMES.join('|')})(?:${[...REGION_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})?`;
/** What a name may end with: legal forms, trade words, a region ("有限公司北京分公司" is three of them). */
const TAIL_WORD = `(?:${NAME_SUFFIXES.join('|')}|${region})`;
const TAILS = new RegExp(`${TAIL_WORD}+$`);
const TAIL = new RegExp(`${TAIL_WORD}$`);
const HEADS = new RegExp(`^(?:${region})+`);
const HEAD = new RegExp(`^${region}`);

const length = (s: string) => [...s].length;
/** A strip is taken only when at least two characters remain: "北京有限公司" stays "北京". */
const MIN_REST = 2;

/** Strips every trailing (or leading) word at once; when that would leave too little, one word at a time. */
function strip(s: string, all: RegExp, one: RegExp, atEnd: boolean): string {
  const cut = (match: string) => (atEnd ? s.slice(0, s.length - match.length) : s.slice(match.length));
  const every = all.exec(s)?.[0];
  if (!every) return s;
  if (length(s) - length(every) >= MIN_REST) return cut(every);
  for (let match = one.exec(s)?.[0]; match && length(s) - length(match) >= MIN_REST; match = one.exec(s)?.[0]) s = cut(match);
  return s;
}

export function companyNameKey(name: string | null | undefined): string | null {
  if (name == null) return null;
  let s = fold(name).replace(OTHER, ' ');
  const whole = s.replace(/[() ]+/g, '');
  // Bracketed parts are aliases or a city ("北京仁科互动（仁科互动）", "华为技术（深圳）"): the name outside them decides.
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(BRACKETED, ' ');
  }
  s = s.replace(/[()]/g, ' ').replace(/ +/g, ' ').trim();
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(ENGLISH_TAIL, '');
  }
  s = strip(s.replace(/ /g, ''), TAILS, TAIL, true);
  s = strip(s, HEADS, HEAD, false);
  if (s === '') s = whole;
  return s === '' ? null : s;
}

/** Phones compare by their digits; a +86 / 0086 country code before a mobile number is dropped. Under 5 digits never matches. */
export function phoneKey(phone: string | null | undefined): string | null {
  if (phone == null) return null;
  let digits = phone.replace(/\D/g, '');
  digits = digits.replace(/^(0086|86)(1\d{10})$/, '$2');
  return digits.length >= 5 ? digits : null;
}

export function emailKey(email: string | null | undefined): string | null {
  const s = email?.trim().toLowerCase();
  return s ? s : null;
}

/** Exact matching of other text: width, case, spaces and punctuation ignored, nothing stripped. */
export function textKey(text: string | null | undefined): string | null {
  if (text == null) return null;
  const s = fold(text).replace(OTHER, '').replace(/[()]/g, '');
  return s === '' ? null : s;
}
