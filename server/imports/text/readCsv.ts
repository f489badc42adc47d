import { CsvError, parse } from 'csv-parse/sync';

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
