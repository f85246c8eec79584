import { invalid } from '../../platform/http/errors';
import type { SheetRow, SheetSource } from '../sheet.types';
import './messages';

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The header a file must have: trailing empty cells are dropped (Excel leaves them after stray
 * formatting); a blank name between named columns or a name given twice is refused.
 */
export function checkHeader(cells: string[]): string[] {
  const header = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  while (header.length && header[header.length - 1] === '') header.pop();
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw invalid('dataio.read.blank_header', { column: i + 1 });
    if (seen.has(name)) throw invalid('dataio.read.duplicate_header', { name });
    seen.add(name);
  });
  return header;
}

/**
 * A sheet from raw rows (in batches, so the reader awaits once per chunk, not per row): the first
 * non-blank row is the header, blank rows are skipped, trailing empty cells beyond the header are
 * dropped. Cells beyond the header that hold something stay, so the converter can refuse that row
 * and the error report can show it as it was. Reads up to the first data row before answering, so a
 * header-only file is refused at once.
 */
export async function sheetFromRows(batches: AsyncIterator<SheetRow[]>, notices: string[]): Promise<SheetSource> {
  let pending: SheetRow[] = [];
  let at = 0;
  const next = async (): Promise<SheetRow | null> => {
    while (at >= pending.length) {
      const batch = await batches.next();
      if (batch.done) return null;
      pending = batch.value;
      at = 0;
    }
    return pending[at++]!;
  };
  let first = await next();
  while (first && blank(first.cells)) first = await next();
  if (!first) throw invalid('dataio.read.empty_file');
  const header = checkHeader(first.cells);
  if (header.length === 0) throw invalid('dataio.read.empty_file');
  const width = header.length;
  const nextData = async (): Promise<SheetRow | null> => {
    for (;;) {
      const row = at < pending.length ? pending[at++]! : await next();
      if (!row) return null;
      if (blank(row.cells)) continue;
      const cells = row.cells;
      let end = cells.length;
      while (end > width && cells[end - 1]!.trim() === '') end--;
      return end === cells.length ? row : { line: row.line, cells: cells.slice(0, end) };
    }
  };
  const firstData = await nextData();
  if (!firstData) throw invalid('dataio.read.header_only');
  async function* all(): AsyncGenerator<SheetRow> {
    yield firstData!;
    for (let row = await nextData(); row; row = await nextData()) yield row;
  }
  return { header, rows: all(), notices };
}
