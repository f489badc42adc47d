import { CsvError, parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line in the file where the record ends (header = line 1). */
  line: number;
  fields: string[];
}

export type CsvReadResult =
  | { ok: true; header: string[]; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

/** Splits CSV text into a header and records with their line numbers (csv-parse does the quoting rules). */
export function readCsv(text: string, delimiter: ';' | ','): CsvReadResult {
  try {
    const parsed = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const [headerRecord, ...rest] = parsed;
    if (!headerRecord) return { ok: false, line: 0, message: 'Het bestand is leeg.' };
    return {
      ok: true,
      header: headerRecord.record.map((name) => name.trim()),
      records: rest.map((entry) => ({ line: entry.info.lines, fields: entry.record })),
    };
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      const message =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'Een aanhalingsteken (") wordt niet gesloten.'
          : error.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'Na een sluitend aanhalingsteken (") volgt geen scheidingsteken.'
            : `De CSV kan niet gelezen worden (${error.code}).`;
      return { ok: false, line, message };
    }
    throw error;
  }
}

const csvOptions = (delimiter: ';' | ',') => ({
  delimiter,
  bom: true,
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
});

function csvErrorOf(error: unknown): { line: number; message: string } {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'Een aanhalingsteken (") wordt niet gesloten.'
        : error.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'Na een sluitend aanhalingsteken (") volgt geen scheidingsteken.'
          : `De CSV kan niet gelezen worden (${error.code}).`;
    return { line, message };
  }
  throw error;
}

/**
 * Hands every record (the header first) to `onRecord` as csv-parse reads it, keeping none: the
 * memory of a large file is what the caller keeps. Undefined, or the CSV error in Dutch.
 */
export function readCsvRecords(
  text: string,
  delimiter: ';' | ',',
  onRecord: (fields: string[], line: number) => void,
): { line: number; message: string } | undefined {
  try {
    parse(text, {
      ...csvOptions(delimiter),
      on_record: (entry: { record: string[]; info: { lines: number } }) => {
        onRecord(entry.record, entry.info.lines);
        return null;
      },
    } as never);
    return undefined;
  } catch (error) {
    return csvErrorOf(error);
  }
}

/** A text in slices of `sliceChars`, for the parsers that take chunks. */
export function* slicesOf(text: string, sliceChars = 1 << 18): Generator<string> {
  for (let start = 0; start < text.length; start += sliceChars) yield text.slice(start, start + sliceChars);
}

/**
 * readCsvRecords over text that arrives in chunks (a file being read, D11): each chunk is handed to
 * csv-parse's stream parser, with a turn of the event loop after it, so other requests are served
 * and only the chunk in hand and the parser's partial record are held.
 */
export async function readCsvChunks(
  chunks: Iterable<string> | AsyncIterable<string>,
  delimiter: ';' | ',',
  onRecord: (fields: string[], line: number) => void,
): Promise<{ line: number; message: string } | undefined> {
  const parser = parseStream(csvOptions(delimiter));
  let failure: unknown;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('readable', () => {
    for (let entry = parser.read(); entry !== null; entry = parser.read()) {
      const { record, info } = entry as { record: string[]; info: { lines: number } };
      onRecord(record, info.lines);
    }
  });
  for await (const chunk of chunks) {
    if (failure !== undefined) break;
    parser.write(chunk);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (failure === undefined) {
    await new Promise<void>((resolve) => {
      parser.once('end', () => resolve());
      parser.once('error', () => resolve());
      parser.end();
      parser.resume();
    });
  }
  return failure === undefined ? undefined : csvErrorOf(failure);
}
