import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CsvDialect } from './csvDialect.ts';
import { EXPORT_HEADER, type ExportRow, toCsvCells } from './exportColumns.ts';

/** Batches of rows as a stream of CSV records: one await per batch, at most one batch buffered. */
function recordStream(batches: AsyncIterable<ExportRow[]>, dialect: CsvDialect): Readable {
  const iterator = batches[Symbol.asyncIterator]();
  let reading = false;
  return new Readable({
    objectMode: true,
    read() {
      if (reading) return;
      reading = true;
      iterator.next().then(
        (next) => {
          reading = false;
          if (next.done) this.push(null);
          else for (const row of next.value) this.push(toCsvCells(row, dialect));
        },
        (error: Error) => this.destroy(error),
      );
    },
    destroy(error, callback) {
      // The download stopped (client gone, or an error): let the source close its cursor.
      Promise.resolve(iterator.return?.()).then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
}

/**
 * Streams rows as CSV into `out` with backpressure: the database is read only as fast as the
 * client takes the bytes, so memory stays flat whatever the number of rows.
 */
export async function writeCsv(
  batches: AsyncIterable<ExportRow[]>,
  dialect: CsvDialect,
  out: Writable,
): Promise<void> {
  const stringifier = stringify({
    delimiter: dialect.delimiter,
    bom: dialect.bom,
    header: true,
    columns: EXPORT_HEADER,
    record_delimiter: 'windows',
  });
  await pipeline(recordStream(batches, dialect), stringifier, out);
}
