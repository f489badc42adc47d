import type { RowError } from './importFile.ts';

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
