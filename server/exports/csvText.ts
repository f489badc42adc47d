// Pure: CSV records as text, byte for byte as csv-stringify wrote them before (decision 0121), without
// its per-record stream machinery: a cell is quoted when it holds the quote, the delimiter or a line
// break (quotes doubled inside); records end in CRLF; the excel dialect starts with a BOM.
import type { CsvDialect } from './csvDialect.ts';

export const RECORD_END = '\r\n';
const BOM = '\ufeff';

const needsQuotesFor = (delimiter: string) => {
  const pattern = new RegExp(`["\\r\\n${delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}]`);
  return (cell: string) => pattern.test(cell);
};

/** A function that joins cells into one record of the dialect (without the record end). */
export function recordJoiner(dialect: CsvDialect): (cells: readonly string[]) => string {
  const needsQuotes = needsQuotesFor(dialect.delimiter);
  const quote = (cell: string) =>
    cell === '' || !needsQuotes(cell) ? cell : `"${cell.replaceAll('"', '""')}"`;
  return (cells) => {
    let line = quote(cells[0] ?? '');
    for (let i = 1; i < cells.length; i++) line += dialect.delimiter + quote(cells[i]!);
    return line;
  };
}

/** The start of the file: the BOM when the dialect has one, and the header record. */
export function csvStart(header: readonly string[], dialect: CsvDialect): string {
  return (dialect.bom ? BOM : '') + recordJoiner(dialect)(header) + RECORD_END;
}
