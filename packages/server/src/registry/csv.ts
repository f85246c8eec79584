/**
 * CSV as spreadsheets write it (RFC 4180): comma separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes. Each row comes with the line it starts on, for error messages.
 */
export function* parseCsv(text: string): Generator<{ line: number; cells: string[] }> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    const row = { line: start, cells };
    cells = [];
    cell = '';
    return row;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      const row = endRow();
      line++;
      start = line;
      // Blank lines (a trailing newline, spacing) are no rows.
      if (row.cells.length > 1 || row.cells[0] !== '') yield row;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length) yield endRow();
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (what Excel saves in China). */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}
