import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FileFormat, ImportRules, ImportTarget, Locale } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import { loadRules } from '../dedupe/rules';
import type { EngineObject } from '../metadata/registry';
import { t } from '../platform/i18n/messages';
import { columnHint, dedupeRuleText, importNotes } from './read/import-notes';
import { requiredColumnKeys, templateFields } from './read/object-rules';
import { openSheetWriter } from './write/open-sheet-writer';
import './read/messages';

/**
 * What a file for this object must look like, from the company's current metadata: its columns
 * (labels the way the template writes them, required first), the 查重规则 in force and the 注意事项.
 */
export async function loadImportRules(db: DbOrTx, tenantId: string, object: EngineObject, target: ImportTarget, locale: Locale): Promise<ImportRules> {
  const required = requiredColumnKeys(object, target);
  const fields = templateFields(object, target);
  const dedupeRule = dedupeRuleText(object, await loadRules(db, tenantId, object), locale);
  return {
    object: object.key,
    requiredColumns: fields.filter((f) => required.has(f.key)).map((f) => f.label.zh),
    columns: fields.map((f) => ({
      key: f.key, label: f.label.zh, required: required.has(f.key), type: f.type, hint: columnHint(f, locale),
      ...(f.type === 'picklist' ? { options: (f.options ?? []).filter((o) => o.enabled).map((o) => o.label.zh) } : {}),
    })),
    dedupeRule,
    notes: importNotes(object, target, dedupeRule, locale),
  };
}

const RED = { argb: 'FFFF0000' };

/**
 * 下载数据模板: the header row of the object's importable fields. CSV: that row in UTF-8 with a BOM
 * (through the sheet writer). XLSX: required headers in red with a note, every header noted with
 * what it takes, and a second sheet 注意事项 with the rules and a table of the columns. The XLSX is
 * a few kilobytes, so it is built whole with exceljs: the streaming sheet writer writes plain text
 * cells and knows no colours or notes.
 */
export async function writeTemplate(out: Writable, rules: ImportRules, objectLabel: string, format: FileFormat, locale: Locale): Promise<void> {
  const header = rules.columns.map((c) => c.label);
  if (format === 'csv') {
    const writer = openSheetWriter(out, { format: 'csv', encoding: 'utf-8' });
    await writer.writeRow(header);
    await writer.end();
    return;
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(objectLabel.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const row = sheet.addRow(header);
  const requiredWord = t(locale, 'dataio.hint.required');
  rules.columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { bold: true, ...(column.required ? { color: RED } : {}) };
    const note = [column.required ? requiredWord : null, column.hint].filter(Boolean).join(locale === 'en-US' ? '. ' : '；');
    if (note) cell.note = note;
    sheet.getColumn(i + 1).width = Math.max(12, column.label.length * 2 + 4);
    // Text columns stay text in Excel, so a phone number keeps its leading zero.
    if (['text', 'phone', 'textarea'].includes(column.type)) sheet.getColumn(i + 1).numFmt = '@';
  });
  addDropdowns(book, sheet, rules, locale);
  const notes = book.addWorksheet(locale === 'en-US' ? 'Notes' : '注意事项');
  notes.getColumn(1).width = 24;
  notes.getColumn(2).width = 10;
  notes.getColumn(3).width = 60;
  notes.addRow([locale === 'en-US' ? 'Notes' : '注意事项']).font = { bold: true };
  rules.notes.forEach((note, i) => notes.addRow([`${i + 1}. ${note}`]));
  notes.addRow([]);
  notes.addRow(locale === 'en-US' ? ['Column', 'Required', 'What to enter'] : ['列名', '必填', '填写说明']).font = { bold: true };
  for (const column of rules.columns) {
    const added = notes.addRow([column.label, column.required ? (locale === 'en-US' ? 'Yes' : '是') : '', column.hint ?? '']);
    if (column.required) added.getCell(1).font = { color: RED };
  }
  await book.xlsx.write(out);
  out.end();
}

/** exceljs keeps a sheet's validations by range (its typings only know the per-cell form). */
type ValidatedSheet = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** Rows of the template that offer the dropdowns: far more than anyone types by hand. */
const DROPDOWN_ROWS = 10_000;

/**
 * A single select's column offers its options as a dropdown and refuses other text, as the import
 * would. The options live on a hidden sheet, one column per select: an inline list is limited to
 * 255 characters, which a long picklist (行业, a company's 所属公海 groups) soon passes.
 */
function addDropdowns(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, rules: ImportRules, locale: Locale) {
  const selects = rules.columns.map((column, i) => ({ column, i })).filter(({ column }) => column.options?.length);
  if (!selects.length) return;
  const name = locale === 'en-US' ? 'Options' : '选项';
  const lists = book.addWorksheet(name, { state: 'hidden' });
  selects.forEach(({ column, i }, j) => {
    const options = column.options!;
    const at = lists.getColumn(j + 1).letter;
    options.forEach((option, k) => (lists.getCell(`${at}${k + 1}`).value = option));
    const target = sheet.getColumn(i + 1).letter;
    (sheet as ValidatedSheet).dataValidations.add(`${target}2:${target}${DROPDOWN_ROWS + 1}`, {
      type: 'list', allowBlank: true, formulae: [`'${name}'!$${at}$1:$${at}$${options.length}`],
      showErrorMessage: true, errorStyle: 'stop', errorTitle: column.label, error: t(locale, 'dataio.hint.pick_option'),
    });
  });
}
