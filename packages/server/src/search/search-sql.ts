import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EngineObject } from '../metadata/registry';
import { STANDARD_OBJECTS, standardObject } from '../metadata/objects';
import { fieldRef, R } from '../records/sql-ref';
import { canRead, type Viewer } from '../records/visibility';
import { isLong, likeEscape, type SearchTerms } from './query-terms';

/** Objects with searchable fields, as the engine sees them (search_text holds standard fields only, so no company settings are needed). */
export const SEARCHED_OBJECTS: EngineObject[] = STANDARD_OBJECTS.filter((o) => o.searchFields.length > 0)
  .map((o) => ({ ...o, fields: o.fields, field: (key: string) => o.fields.find((f) => f.key === key) }));

/** The line under a result's name: what tells two 张三 apart. */
const SECONDARY: Record<string, string[]> = {
  lead: ['companyName', 'mobile'], account: ['phone'], contact: ['accountId', 'mobile'], opportunity: ['accountId'],
  contract: ['contractNo', 'accountId'], order: ['accountId'], product: ['code'], partner: ['phone'],
};

/**
 * Per object and search, rows looked at before ranking. A rare name or phone has far fewer matches
 * and is ranked in full; a very common prefix ("z") ranks the first matches found plus every exact
 * word match, instead of sorting a million rows.
 */
export const CANDIDATE_CAP = 300;

const text = (r: string) => sql.ref(`${R}.${r}`);

function secondary(object: EngineObject): RawBuilder<unknown> {
  const parts = (SECONDARY[object.key] ?? []).map((key) => {
    const field = object.field(key)!;
    const target = field.type === 'lookup' && field.lookup ? standardObject(field.lookup) : undefined;
    if (!target) return sql`${fieldRef(field)}::text`;
    const nameColumn = target.fields.find((f) => f.key === target.nameField)!.column;
    return sql`(SELECT t.${sql.ref(nameColumn)}::text FROM ${sql.table(target.table)} t WHERE t.tenant_id = ${text('tenant_id')} AND t.id = ${fieldRef(field)})`;
  });
  return parts.length ? sql`concat_ws(' · ', ${sql.join(parts)})` : sql`NULL::text`;
}

/** Stored company keys (dedupe, 0012_dedupe_search.sql): the company name without its city and legal form. */
const COMPANY_KEYS: Record<string, string> = { lead: 'company_key', account: 'name_key' };

/**
 * One term's condition on search_text. Long terms match anywhere (LIKE '%term%', answered by the
 * trigram index). Short terms (1–2 characters) have no trigram of their own: they match the start
 * of a word, whose trigrams the index has ("zs" → 张三's initials, "张三" → the name), or the
 * start of a company key, so 仁科 finds 北京仁科互动; beside a long term, they just filter its
 * matches anywhere. A query of one character alone is a name prefix (namePrefix).
 */
function termMatch(object: EngineObject, term: string, anyLong: boolean): RawBuilder<SqlBool> {
  const escaped = likeEscape(term);
  if (isLong(term) || anyLong) return sql<SqlBool>`${text('search_text')} LIKE ${`%${escaped}%`}`;
  const key = COMPANY_KEYS[object.key];
  return sql<SqlBool>`(${text('search_text')} LIKE ${`${escaped}%`} OR ${text('search_text')} LIKE ${`% ${escaped}%`}${key ? sql` OR ${text(key)} LIKE ${`${escaped}%`}` : sql``})`;
}

/** The whole phrase as a word of search_text: a name, a phone, a pinyin spelling or initials. */
function wholeWord(phrase: string): RawBuilder<SqlBool> {
  const e = likeEscape(phrase);
  const st = text('search_text');
  return sql<SqlBool>`(${st} = ${phrase} OR ${st} LIKE ${`${e} %`} OR ${st} LIKE ${`% ${e}`} OR ${st} LIKE ${`% ${e} %`})`;
}

/** Name equal to the query, then a whole word, then a word start, then anywhere. */
function tier(object: EngineObject, phrase: string): RawBuilder<number> {
  const e = likeEscape(phrase);
  const name = fieldRef(object.field(object.nameField)!);
  return sql<number>`CASE WHEN lower(${name}::text) = ${phrase} THEN 0
    WHEN (' ' || ${text('search_text')} || ' ') LIKE ${`% ${e} %`} THEN 1
    WHEN (' ' || ${text('search_text')}) LIKE ${`% ${e}%`} THEN 2 ELSE 3 END`;
}

/** The columns a branch reads: the name, search_text and what the secondary line shows (all standard columns). */
function columns(object: EngineObject): RawBuilder<unknown> {
  const keys = [object.nameField, ...(SECONDARY[object.key] ?? [])];
  const names = new Set(['id', 'tenant_id', 'updated_at', 'search_text', ...keys.map((key) => object.field(key)!.column!)]);
  return sql.join([...names].map((column) => text(column)));
}

/**
 * A lone character ("王", "z") is a name prefix: half the company has a word starting with 王, so
 * the b-tree on lower(name) (leads, accounts, contacts) answers instead, stopping at the cap.
 */
const namePrefix = (object: EngineObject, term: string) =>
  sql<SqlBool>`lower(${fieldRef(object.field(object.nameField)!)}::text) LIKE ${`${likeEscape(term)}%`}`;

function objectBranch(object: EngineObject, viewer: Viewer, query: SearchTerms, limit: number): RawBuilder<unknown> {
  const anyLong = query.terms.some(isLong);
  const where = (match: RawBuilder<SqlBool>) => sql`SELECT ${columns(object)} FROM ${sql.table(object.table)} AS ${sql.ref(R)}
    WHERE ${text('tenant_id')} = ${viewer.tenantId}::uuid AND ${canRead(object, viewer)} AND ${match} LIMIT ${CANDIDATE_CAP}`;
  const lone = query.terms.length === 1 && [...query.phrase].length === 1;
  const found = where(lone ? namePrefix(object, query.phrase) : sql.join(query.terms.map((term) => termMatch(object, term, anyLong)), sql` AND `));
  // A short single term ("zs", "王") has matches by the thousand: its whole-word matches are
  // fetched as well, so 张三 (initials exactly "zs") is never crowded out by 张顺生 and 赵树.
  const candidates = query.terms.length === 1 && !anyLong && !lone ? sql`(${found}) UNION (${where(wholeWord(query.phrase))})` : found;
  return sql`(SELECT ${object.key}::text AS object, ${text('id')}, ${fieldRef(object.field(object.nameField)!)}::text AS name,
      ${secondary(object)} AS secondary
    FROM (${candidates}) AS ${sql.ref(R)}
    ORDER BY ${tier(object, query.phrase)}, ${text('updated_at')} DESC, ${text('id')}
    LIMIT ${limit + 1})`;
}

/**
 * Global search (§2.1) as one statement: a branch per object, each composing the visibility
 * predicate, so a record the caller may not see is never even a candidate. Each branch answers
 * limit + 1 rows, the extra one telling "more".
 */
export function searchStatement(viewer: Viewer, query: SearchTerms, limit: number, objects: EngineObject[] = SEARCHED_OBJECTS): RawBuilder<SearchRow> {
  return sql<SearchRow>`${sql.join(objects.map((o) => objectBranch(o, viewer, query, limit)), sql` UNION ALL `)}`;
}

export interface SearchRow {
  object: string;
  id: string;
  name: string | null;
  secondary: string | null;
}
