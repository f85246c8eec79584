import type { FileFormat, Locale } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import type { RecordScope } from '../../records/scope';
import { coerceValue } from '../../records/values';
import { t } from '../../platform/i18n/messages';
import type { SheetRow } from '../sheet.types';
import { mapInSlices } from '../slices';
import { cellValue } from './cell-text';
import type { ColumnPlan, PlannedColumn } from './columns';
import { isNamed, resolveNames, TargetObjects } from './resolve-names';
import './messages';

/** A row turned into field values keyed by field key (every planned column present; an empty cell is null), or why not. */
export type ConvertedRow = { line: number; values: Record<string, unknown> } | { line: number; error: string };

/** Rows converted between two turns of the event loop. */
const CONVERT_SLICE = 100;

/** Converts a batch of rows with one name query per kind for the whole batch; answers in the rows' order. */
export type ConvertBatch = (rows: SheetRow[]) => Promise<ConvertedRow[]>;

export interface ConvertOptions {
  locale: Locale;
  /** XLSX cells may carry dates as Excel serial numbers; in a CSV a bare number is never a date. */
  format: FileFormat;
}

/**
 * The converter of one import: each cell's text through the field's reading (option labels, 是/否,
 * dates, names of users and records), then the record engine's own coerceValue, so an imported
 * value passes exactly the checks a typed one does. Errors name the column and the value, all of a
 * row's problems at once ("公司名称不能为空；负责人“贝刚”不存在").
 */
export function makeRowConverter(db: DbOrTx, scope: RecordScope, plan: ColumnPlan, options: ConvertOptions): ConvertBatch {
  const { locale, format } = options;
  const ctx = { format, timeZone: scope.timeZone };
  const label = (c: PlannedColumn) => c.header;
  const say = (key: string, c: PlannedColumn, value: string, extra: Record<string, string | number> = {}) =>
    t(locale, `dataio.row.${key}`, { field: label(c), value: value.length > 50 ? `${value.slice(0, 50)}…` : value, ...extra });
  const columnCount = plan.header.length;
  const targets = new TargetObjects(db, scope.auth.tenantId);

  return async (rows) => {
    const lookup = await resolveNames(db, scope, plan.columns.filter((c) => isNamed(c.field)), rows, targets);
    const convertRow = (row: SheetRow): ConvertedRow => {
      const problems: string[] = [];
      // More cells than the header (the reader keeps them): the columns have slipped, nothing in the row can be trusted.
      if (row.cells.length > columnCount) {
        return { line: row.line, error: t(locale, 'dataio.row.extra_cells', { count: row.cells.length, columns: columnCount }) };
      }
      const values: Record<string, unknown> = {};
      for (const c of plan.columns) {
        const text = (row.cells[c.index] ?? '').trim();
        const field = c.field;
        if (text === '') {
          if (field.required) problems.push(say('required', c, ''));
          values[field.key] = null;
          continue;
        }
        let input: unknown;
        if (isNamed(field)) {
          const match = lookup(field, text);
          if ('problem' in match) { problems.push(say(match.problem, c, text)); continue; }
          input = match.id;
        } else {
          const read = cellValue(field, text, ctx);
          if ('problem' in read) { problems.push(say(read.problem, c, read.detail ?? text)); continue; }
          input = read.value;
        }
        const coerced = coerceValue(field, input);
        if ('problem' in coerced) {
          const reason = coerced.problem === 'too_long' ? 'too_long' : coerced.problem === 'not_text' || coerced.problem === 'bad_reference' || coerced.problem === 'bad_region' ? 'bad_value' : coerced.problem;
          problems.push(say(reason, c, text, { max: field.maxLength ?? (field.type === 'textarea' ? 20_000 : 500) }));
          continue;
        }
        values[field.key] = coerced.value;
      }
      return problems.length ? { line: row.line, error: problems.join(locale === 'en-US' ? '; ' : '；') } : { line: row.line, values };
    };
    return mapInSlices(rows, CONVERT_SLICE, convertRow);
  };
}
