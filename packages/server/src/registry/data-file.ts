import type { Locale } from '@yixiao/core';
import { invalid } from '../platform/http/errors';
import { t } from '../platform/i18n/messages';
import { csvRecords } from '../dataio/read/csv-records';
import { CREDIT_CODE, type RegistryCompany } from './registry.types';
import './messages';

type Attribute = keyof RegistryCompany;

/** Column names a data file may use, in English (the JSON keys) or Chinese, as registry exports name them. */
const COLUMNS: Record<Attribute, string[]> = {
  creditCode: ['credit_code', '统一社会信用代码', '信用代码'],
  name: ['企业名称', '公司名称', '名称'],
  legalRepresentative: ['legal_representative', '法定代表人', '法人'],
  registeredCapital: ['registered_capital', '注册资本'],
  establishedOn: ['established_on', '成立日期'],
  status: ['经营状态', '登记状态'],
  companyType: ['company_type', '企业类型', '公司类型'],
  province: ['省份', '省'],
  city: ['城市', '市'],
  district: ['区县', '区'],
  address: ['注册地址', '地址'],
  phone: ['电话', '联系电话'],
  email: ['邮箱', '电子邮箱'],
  website: ['网址', '官网'],
  industry: ['行业', '所属行业'],
  businessScope: ['business_scope', '经营范围'],
};
const ATTRIBUTES = Object.keys(COLUMNS) as Attribute[];
const COLUMN_OF = new Map<string, Attribute>(ATTRIBUTES.flatMap((a) => [[a.toLowerCase(), a], ...COLUMNS[a].map((n): [string, Attribute] => [n, a])]));
const MAX_LENGTH: Partial<Record<Attribute, number>> = { name: 300, address: 500, businessScope: 4000 };
const DEFAULT_MAX = 300;
/** Enough line errors to fix a file by; the rest are counted. */
const MAX_ERRORS = 20;

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

interface LineError {
  line: number;
  message: string;
}

/** 2016-03-01, 2016/3/1, 2016.3.1 and 2016年3月1日 are the same day; anything else is no date. */
function normaliseDate(value: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(value);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** One row as a company, or what is wrong with it. */
function toCompany(raw: Partial<Record<Attribute, unknown>>, locale: Locale): RegistryCompany | string {
  const company = {} as Record<Attribute, string | null>;
  for (const a of ATTRIBUTES) {
    const v = raw[a];
    const s = v == null ? '' : String(v).trim();
    if (s.length > (MAX_LENGTH[a] ?? DEFAULT_MAX)) return t(locale, 'registry.file.too_long', { column: a });
    company[a] = s === '' ? null : s;
  }
  if (!company.name) return t(locale, 'registry.file.no_name');
  const code = company.creditCode?.toUpperCase() ?? '';
  if (!CREDIT_CODE.test(code)) return t(locale, 'registry.file.bad_code', { code });
  company.creditCode = code;
  if (company.establishedOn) {
    const date = normaliseDate(company.establishedOn);
    if (!date) return t(locale, 'registry.file.bad_date', { value: company.establishedOn });
    company.establishedOn = date;
  }
  return company as RegistryCompany;
}

/** CSV rows through the import engine's splitter (quoting, line breaks in cells, CRLF), with their lines. */
async function* csvRows(text: string): AsyncGenerator<{ line: number; raw: Partial<Record<Attribute, string>> }> {
  let columns: (Attribute | undefined)[] | undefined;
  for await (const batch of csvRecords((async function* () { yield text; })())) {
    for (const { line, cells } of batch) {
      if (cells.length === 1 && cells[0] === '') continue; // a blank line
      if (!columns) {
        columns = cells.map((c) => COLUMN_OF.get(c.trim()) ?? COLUMN_OF.get(c.trim().toLowerCase()));
        if (!columns.includes('creditCode') || !columns.includes('name')) throw invalid('registry.file.no_columns');
        continue;
      }
      const raw: Partial<Record<Attribute, string>> = {};
      columns.forEach((a, i) => {
        if (a) raw[a] = cells[i];
      });
      yield { line, raw };
    }
  }
}

function* jsonRows(text: string, locale: Locale): Generator<{ line: number; raw: Partial<Record<Attribute, unknown>> | string }> {
  const keyed = (value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return t(locale, 'registry.file.not_object');
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => {
      const a = COLUMN_OF.get(k) ?? COLUMN_OF.get(k.toLowerCase());
      return a ? [[a, v]] : [];
    }));
  };
  // A JSON array of companies is accepted too, for services that export one.
  if (text.trimStart().startsWith('[')) {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      throw invalid('registry.file.bad_json', { line: 1 });
    }
    if (!Array.isArray(items)) throw invalid('registry.file.bad_json', { line: 1 });
    for (let i = 0; i < items.length; i++) yield { line: i + 1, raw: keyed(items[i]) };
    return;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { line: i + 1, raw: t(locale, 'registry.file.bad_json_line') };
      continue;
    }
    yield { line: i + 1, raw: keyed(value) };
  }
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (what Excel saves in China). */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

const isJson = (fileName: string, text: string) => /\.(jsonl|ndjson|json)$/i.test(fileName) || /^[[{]/.test(text.trimStart());

/**
 * Reads a registry data file (CSV in UTF-8 or GB18030, JSON Lines, or a JSON array) into companies.
 * One bad row refuses the whole file, with the first errors by line: a half-loaded registry would
 * silently miss companies. A credit code given twice keeps its last row.
 */
export async function readDataFile(data: Buffer, fileName: string, locale: Locale): Promise<RegistryCompany[]> {
  const text = decodeText(data).replace(/^\ufeff/, '');
  const rows = isJson(fileName, text) ? jsonRows(text, locale) : csvRows(text);
  const companies = new Map<string, RegistryCompany>();
  const errors: LineError[] = [];
  let errorCount = 0;
  for await (const { line, raw } of rows) {
    const company = typeof raw === 'string' ? raw : toCompany(raw, locale);
    if (typeof company === 'string') {
      if (++errorCount <= MAX_ERRORS) errors.push({ line, message: company });
      continue;
    }
    companies.set(company.creditCode, company);
  }
  if (errorCount) throw invalid('registry.file.bad_rows', { count: errorCount }, { errors });
  if (companies.size === 0) throw invalid('registry.file.empty');
  return [...companies.values()];
}
