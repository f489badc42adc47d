import type { RowError } from './observationRow.ts';
import type { ObservationChange } from './writeObservations.ts';

// Contract between the importers (CLI, start-up) and the beheer upload endpoints.

export type UploadKind = 'grenzen' | 'kwb' | 'gemeentecijfers';
/** Everything importFile reads: the uploads plus third-party series loaded by the CLI and start-up only. */
export type ImportFileKind = UploadKind | 'elan' | 'reeks';

export interface ImportFileInput {
  kind: ImportFileKind;
  fileName: string;
  bytes: Uint8Array;
  actor: string; // user name, "cli" or "opstart"
  userId?: number | null;
  /** Boundary vintage for `grenzen` and `elan`, KWB year for `kwb` when the file name does not say it. */
  vintage?: number;
  year?: number;
}

/** What an importer and the commit need of a file once it is read: its size, not its bytes. */
export type ImportInput = Omit<ImportFileInput, 'bytes'> & { fileSize: number };

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  kind: ImportFileKind;
  fileName: string;
  fileHash: string;
  /** The first MAX_REPORTED_ERRORS errors in line order; `errorsTotal` counts them all (D10). */
  errors: RowError[];
  errorsTotal: number;
  /** The first MAX_REPORTED_ERRORS warnings; `warningsTotal` counts them all. */
  warnings: RowError[];
  warningsTotal: number;
  rowsTotal: number;
  rowsNew: number;
  rowsCorrected: number;
  rowsUnchanged: number;
  importId: number | null; // set when committed
  /** Preview: the rows whose stored values would change, old → new (at most MAX_REPORTED). */
  changes?: ObservationChange[];
  /** KWB: the table year; grenzen: the boundary vintage. */
  year?: number;
  vintage?: number;
  /** Rows left out on purpose (KWB rows of gemeenten whose boundaries are not loaded). */
  rowsSkipped?: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /**
   * KWB only: create areas (without geometry) for regions in the file that are not in the
   * database, instead of skipping the gemeenten whose boundaries were never loaded.
   */
  createMissingAreas?: boolean;
  /** Gemeentecijfers: the year a period may not lie after without a warning (default: this year). */
  currentYear?: number;
  /** Called between the phases of long work, for a progress bar. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** Upload size limits per kind; above these the file is refused before it is parsed. */
export const MAX_FILE_BYTES: Record<ImportFileKind, number> = {
  elan: 20 * 1024 * 1024,
  reeks: 20 * 1024 * 1024,
  gemeentecijfers: 20 * 1024 * 1024,
  kwb: 100 * 1024 * 1024,
  grenzen: 250 * 1024 * 1024,
};

export const KIND_LABEL: Record<ImportFileKind, string> = {
  elan: 'ELAN-wijkprofielen',
  reeks: 'reeksbestanden',
  gemeentecijfers: 'gemeentecijfers',
  kwb: 'KWB-bestanden',
  grenzen: 'grensbestanden',
};

export const MAX_REPORTED = 500;
/** Errors and warnings kept in a report; beyond this only their number (a 1 M-error file, D10). */
export const MAX_REPORTED_ERRORS = 1000;
/** Appends without spreading (`push(...list)` overflows the stack past ~120 000 items) and caps. */
export function addErrors(report: ImportReport, errors: readonly RowError[]): void {
  report.errorsTotal += errors.length;
  for (const error of errors) {
    if (report.errors.length >= MAX_REPORTED_ERRORS) break;
    report.errors.push(error);
  }
}

export function addWarnings(report: ImportReport, warnings: readonly RowError[]): void {
  report.warningsTotal += warnings.length;
  for (const warning of warnings) {
    if (report.warnings.length >= MAX_REPORTED_ERRORS) break;
    report.warnings.push(warning);
  }
}

export function finish(report: ImportReport): ImportReport {
  report.ok = report.errors.length === 0;
  return report;
}
