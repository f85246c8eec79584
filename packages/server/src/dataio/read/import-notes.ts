import type { ImportTarget, Locale } from '@yixiao/core';
import type { EngineField, EngineObject } from '../../metadata/registry';
import { t } from '../../platform/i18n/messages';
import { STANDARD_OBJECTS } from '../../metadata/objects';
import type { RuleField } from '../../dedupe/rules';
import { keptOnOverwrite, requiredColumnKeys, templateFields } from './object-rules';
import './messages';

const MAX_LISTED = 30;
const zh = (f: EngineField) => f.label.zh;
const quoted = (names: string[], locale: Locale) => names.map((n) => (locale === 'en-US' ? `"${n}"` : `【${n}】`)).join(locale === 'en-US' ? ', ' : '、');

function optionList(field: EngineField): string {
  const names = (field.options ?? []).filter((o) => o.enabled).map((o) => o.label.zh);
  return names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join('、')}…` : names.join('、');
}

/** What a column takes, in words (the template's cell notes, the rules' hints); null for plain text without a limit. */
export function columnHint(field: EngineField, locale: Locale): string | null {
  const say = (key: string, params: Record<string, string | number> = {}) => t(locale, `dataio.hint.${key}`, params);
  const max = field.maxLength ?? (field.type === 'textarea' ? 20_000 : 500);
  switch (field.type) {
    case 'text': case 'textarea': case 'phone': return say('max_length', { max });
    case 'email': return say('email', { max });
    case 'url': return say('url');
    case 'number': case 'currency': case 'percent': case 'date': case 'datetime': case 'boolean': case 'region': case 'user': case 'department':
      return say(field.type);
    case 'picklist': return say(field.key === 'poolGroupId' ? 'pool_group' : 'picklist', { options: optionList(field) });
    case 'multipicklist': return say('multipicklist', { options: optionList(field) });
    case 'lookup': {
      const target = STANDARD_OBJECTS.find((o) => o.key === field.lookup);
      return say('lookup', { object: target ? (locale === 'en-US' ? target.label.en.toLowerCase() : target.label.zh) : '' });
    }
    default: return null;
  }
}

/** 查重规则 in words, e.g. "公司名称（模糊） 或 手机"; null when duplicates are not checked. */
export function dedupeRuleText(object: EngineObject, rules: { enabled: boolean; fields: RuleField[] }, locale: Locale): string | null {
  if (!rules.enabled || rules.fields.length === 0) return null;
  return rules.fields.map((r) => {
    const name = object.field(r.field)?.label.zh ?? r.field;
    return r.match === 'fuzzy' ? t(locale, 'dataio.dedupe.fuzzy', { field: name }) : name;
  }).join(t(locale, 'dataio.dedupe.or'));
}

/** 注意事项 for this object and target, from the manual's notes (§3.2.2, §3.3.2, §3.4.3, §3.5.3), one per line. */
export function importNotes(object: EngineObject, target: ImportTarget, dedupeRule: string | null, locale: Locale): string[] {
  const say = (key: string, params: Record<string, string | number> = {}) => t(locale, `dataio.note.${key}`, params);
  const fields = templateFields(object, target);
  const has = (pred: (f: EngineField) => boolean) => fields.some(pred);
  const requiredKeys = requiredColumnKeys(object, target);
  const required = fields.filter((f) => requiredKeys.has(f.key)).map(zh);
  const kept = keptOnOverwrite(object).map((k) => object.field(k)).filter((f): f is EngineField => !!f && fields.includes(f)).map(zh);
  const lookups = fields.filter((f) => f.type === 'lookup').map(zh);
  const notes = [say('header')];
  if (required.length) notes.push(say('columns', { required: quoted(required, locale) }));
  notes.push(say('modes'));
  notes.push(dedupeRule ? say('dedupe', { rule: dedupeRule }) : say('no_dedupe'));
  if (kept.length) notes.push(say('kept', { fields: quoted(kept, locale) }));
  if (has((f) => f.key === 'ownerId') && !keptOnOverwrite(object).includes('ownerId')) notes.push(say('owner_changes'));
  notes.push(say('blank_overwrites'));
  if (has((f) => f.type === 'user')) notes.push(say('owner'));
  if (target === 'pool') notes.push(say('pool_owner'));
  if (has((f) => f.type === 'picklist' || f.type === 'multipicklist')) notes.push(say('options'));
  if (has((f) => f.type === 'date' || f.type === 'datetime')) notes.push(say('dates'));
  if (has((f) => f.key === 'poolGroupId')) notes.push(say('pool_group'));
  if (lookups.length) notes.push(say('lookups', { fields: quoted(lookups, locale) }));
  notes.push(say('files'), say('one_at_a_time'), say('error_report'));
  return notes;
}
