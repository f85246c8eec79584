import { makeCreditCode, ORG_ALPHABET } from './credit-code';
import type { RegistryCompany } from './registry.types';
import {
  CAPITALS, CITIES, GIVEN, JSC_TYPE, LEGAL_FORMS, LLC_TYPES, STATUSES, SURNAMES, TLDS, TRADE_CHARS, TRADES, type SampleCity, type Trade,
} from './sample-data';

/**
 * The bundled sample registry: a few thousand made-up companies, the same on every run, so the
 * demo and the tests need no data file. Names read like real ones (城市 + 字号 + 行业 + 有限公司,
 * sometimes 字号 + 行业 + （城市） + 有限公司), credit codes carry both check characters.
 */
export const SAMPLE_SIZE = 3000;
const SEED = 20_160_301;
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1995, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);

/** mulberry32: a small seeded generator, so the sample never depends on Math.random. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = (items: readonly [string, number][]) => {
    let roll = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((roll -= w) < 0) return item;
    return items[0]![0];
  };
  return { next, int, pick, weighted };
}
type Random = ReturnType<typeof seeded>;

const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');

function orgBody(random: Random): string {
  // Codes issued since 2015 often start with MA; older ones are digits.
  return random.next() < 0.5 ? `MA${Array.from({ length: 6 }, () => random.pick([...ORG_ALPHABET])).join('')}` : digits(random, 8);
}

function person(random: Random): string {
  const given = random.next() < 0.4 ? random.pick([...GIVEN]) : random.pick([...GIVEN]) + random.pick([...GIVEN]);
  return random.pick([...SURNAMES]) + given;
}

interface Parts {
  city: SampleCity;
  trade: Trade;
  tradeName: string;
  pinyin: string;
  form: string;
}

function details(random: Random, name: string, parts: Parts, usedDomains: Set<string>): RegistryCompany {
  const { city, trade } = parts;
  const [district, division] = random.pick(city.districts);
  const building = random.next() < 0.5 ? `${random.int(1, 30)}层${random.int(1, 30)}${String(random.int(1, 20)).padStart(2, '0')}室` : '';
  const provincePart = city.province === city.city ? city.province : `${city.province}${city.city}`;
  let domain: string | null = null;
  if (random.next() < 0.8) {
    domain = `${parts.pinyin}${trade.slug}`;
    if (usedDomains.has(domain)) domain += city.area.replace(/^0/, '');
    if (usedDomains.has(domain)) domain = null;
    else usedDomains.add(domain);
  }
  const website = domain ? `www.${domain}${random.pick(TLDS)}` : null;
  const established = new Date(FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY).toISOString().slice(0, 10);
  return {
    creditCode: makeCreditCode(division, orgBody(random)),
    name,
    legalRepresentative: person(random),
    registeredCapital: `${random.pick(CAPITALS)}万元人民币`,
    establishedOn: established,
    status: random.weighted(STATUSES),
    companyType: parts.form === '股份有限公司' ? JSC_TYPE : random.pick(LLC_TYPES),
    province: city.province,
    city: city.city,
    district,
    address: `${provincePart}${district}${random.pick(city.roads)}${random.int(1, 999)}号${building}`,
    phone: `${city.area}-${random.int(2, 8)}${digits(random, 7)}`,
    email: domain && random.next() < 0.6 ? `info@${website!.slice(4)}` : null,
    website,
    industry: trade.industry,
    businessScope: trade.scope,
  };
}

function drawParts(random: Random): Parts {
  const first = random.pick(TRADE_CHARS);
  let second = random.pick(TRADE_CHARS);
  while (second[0] === first[0]) second = random.pick(TRADE_CHARS);
  return { city: random.pick(CITIES), trade: random.pick(TRADES), tradeName: first[0] + second[0], pinyin: first[1] + second[1], form: random.weighted(LEGAL_FORMS) };
}

/** `count` companies with distinct names and credit codes; the first `count` of a larger sample are the same companies. */
export function generateSampleCompanies(count = SAMPLE_SIZE): RegistryCompany[] {
  const random = seeded(SEED);
  const names = new Set<string>();
  const codes = new Set<string>();
  const domains = new Set<string>();
  const companies: RegistryCompany[] = [];
  while (companies.length < count) {
    const parts = drawParts(random);
    const { city, trade, tradeName, form } = parts;
    const name = random.next() < 0.85 ? `${city.name}${tradeName}${trade.word}${form}` : `${tradeName}${trade.word}（${city.name}）${form}`;
    if (names.has(name)) continue;
    const company = details(random, name, parts, domains);
    if (codes.has(company.creditCode)) continue;
    names.add(name);
    codes.add(company.creditCode);
    companies.push(company);
  }
  return companies;
}

/**
 * A registration for a name that exists elsewhere (the demo company's accounts), seeded by the
 * name so it is the same on every run: its city and trade are read from the name when they appear in it.
 */
export function sampleCompanyNamed(name: string): RegistryCompany {
  let seed = 0;
  for (const c of name) seed = (Math.imul(seed, 31) + c.codePointAt(0)!) >>> 0;
  const random = seeded(seed);
  const parts = drawParts(random);
  const city = CITIES.find((c) => name.includes(c.name)) ?? parts.city;
  const trade = TRADES.find((t) => name.includes(t.word)) ?? parts.trade;
  return details(random, name, { ...parts, city, trade }, new Set());
}
