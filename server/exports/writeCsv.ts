import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CsvDialect } from './csvDialect.ts';
import { csvStart } from './csvText.ts';
import { EXPORT_HEADER } from './exportColumns.ts';

/**
 * Streams the CSV (BOM and header, then the batches of records) into `out` with backpressure: the
 * database is read only as fast as the client takes the bytes, so memory stays flat whatever the
 * number of rows. When the download stops early the source is closed (its cursor released).
 */
export async function writeCsv(
  batches: AsyncIterable<string>,
  dialect: CsvDialect,
  out: Writable,
): Promise<void> {
  async function* text() {
    yield csvStart(EXPORT_HEADER, dialect);
    yield* batches;
  }
  await pipeline(Readable.from(text(), { objectMode: false }), out);
}
