/** One problem in an imported file, tied to its line (and column when known). */
export interface RowError {
  line: number; // 1-based line in the file (header = 1); 0 for a problem with the file as a whole
  column?: string;
  message: string; // Dutch, specific: what is wrong and, where it helps, what was expected
}

/** "Regel 7, kolom waarde: 'twaalf' is geen getal." — the one way errors are shown to people. */
export function formatRowError(error: RowError): string {
  if (error.line === 0) return error.column ? `Kolom ${error.column}: ${error.message}` : error.message;
  return `Regel ${error.line}${error.column ? `, kolom ${error.column}` : ''}: ${error.message}`;
}

/** One parsed value, ready to be matched against the database. Pure data, produced by the parsers. */
export interface ParsedObservation {
  /** Line (CSV) or record number (JSON) the value came from, for error messages. */
  line: number;
  column: string;
  indicatorId: string;
  areaCode: string;
  /** Boundary vintage; undefined when the write step resolves it from the areas in the database. */
  vintage: number | undefined;
  period: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
  confidential: boolean;
  valueRounding: number | null;
  countRounding: number | null;
  source: string;
  /** The source file's flags for this value (`|`-separated), e.g. a code matched by name. */
  flags?: string | null;
  /** A published 95% interval around the value (survey figures). */
  intervalLow?: number | null;
  intervalHigh?: number | null;
}

export interface ParseOutcome<T> {
  rows: T[];
  errors: RowError[];
  warnings: RowError[];
}

export function rowError(line: number, column: string | undefined, message: string): RowError {
  return column === undefined ? { line, message } : { line, column, message };
}
