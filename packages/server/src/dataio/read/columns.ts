import type { ImportTarget, Locale } from '@yixiao/core';
import type { EngineField, EngineObject } from '../../metadata/registry';
import { invalid } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import { importableFields, importRulesOf, requiredColumnKeys } from './object-rules';
import './messages';

/** One column of the file and the field it fills. */
export interface PlannedColumn {
  /** 0-based position in the file's rows. */
  index: number;
  header: string;
  field: EngineField;
}

/** Which field each column of a file fills; the converter and the import runner work from it. */
export interface ColumnPlan {
  object: EngineObject;
  target: ImportTarget;
  /** The file's header as read (the error report repeats it). */
  header: string[];
  columns: PlannedColumn[];
}

const list = (names: string[]) => names.map((n) => `“${n}”`).join('、');

/**
 * Matches a file's header to the object's importable fields: a column is a field when its name is
 * the field's label (zh, or en when only one field has it) after trimming, or an alias the object
 * declares (负责人). Columns may come in any order and optional ones may be left out; unknown,
 * repeated and missing required columns are refused together, so the user fixes the header once.
 */
export function planColumns(object: EngineObject, header: string[], locale: Locale, target: ImportTarget): ColumnPlan {
  const fields = importableFields(object, target);
  const aliases = importRulesOf(object.key).aliases ?? {};
  const byName = new Map<string, EngineField>();
  const en = new Map<string, EngineField[]>();
  for (const f of fields) {
    for (const alias of aliases[f.key] ?? []) byName.set(alias, f);
    en.set(f.label.en, [...(en.get(f.label.en) ?? []), f]);
  }
  for (const f of fields) byName.set(f.label.zh, f);
  const lookup = (name: string) => byName.get(name) ?? (en.get(name)?.length === 1 ? en.get(name)![0] : undefined);

  const columns: PlannedColumn[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    const field = lookup(name);
    if (!field) {
      unknown.push(name);
      return;
    }
    if (seen.has(field.key)) repeated.push(name);
    seen.add(field.key);
    columns.push({ index, header: name, field });
  });
  const missing = [...requiredColumnKeys(object, target)].filter((k) => !seen.has(k)).map((k) => object.field(k)!.label.zh);
  const problems: string[] = [];
  // A field the object has but a file may not fill (创建日期, or 负责人 in a pool) is named as such, not as unknown.
  const anyName = (f: EngineField, n: string) => f.label.zh === n || f.label.en === n || (aliases[f.key] ?? []).includes(n);
  const notImportable = unknown.filter((n) => object.fields.some((f) => anyName(f, n)));
  const strangers = unknown.filter((n) => !notImportable.includes(n));
  if (strangers.length) problems.push(t(locale, 'dataio.read.unknown_columns', { names: list(strangers) }));
  if (notImportable.length) problems.push(t(locale, target === 'pool' ? 'dataio.read.not_importable_pool' : 'dataio.read.not_importable', { names: list(notImportable) }));
  if (repeated.length) problems.push(t(locale, 'dataio.read.repeated_columns', { names: list(repeated) }));
  if (missing.length) problems.push(t(locale, 'dataio.read.missing_columns', { names: list(missing) }));
  if (problems.length) {
    throw invalid('dataio.read.bad_header', { problems: problems.join(locale === 'en-US' ? '; ' : '；') }, { unknown, repeated, missing });
  }
  return { object, target, header, columns };
}
