import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CsvDialect } from './csvDialect.ts';
import { EXPORT_HEADER, type ExportRow, toCsvCells } from './exportColumns.ts';

/**
 * Streams rows as CSV into `out` with backpressure: the database is read only as fast as the
 * client takes the bytes, so memory stays flat whatever the number of rows.
 */
export async function writeCsv(
  rows: AsyncIterable<ExportRow>,
  dialect: CsvDialect,
  out: Writable,
): Promise<void> {
  async function* cells() {
    for await (const row of rows) yield toCsvCells(row, dialect);
  }
  const stringifier = stringify({
    delimiter: dialect.delimiter,
    bom: dialect.bom,
    header: true,
    columns: EXPORT_HEADER,
    record_delimiter: 'windows',
  });
  await pipeline(Readable.from(cells()), stringifier, out);
}
