import type { Db } from '../db/createDatabase.ts';

// Contract between the importers (CLI, start-up) and the beheer upload endpoints.
// The implementation replaces the body of importFile/rollbackImport; the types stay.

export type UploadKind = 'grenzen' | 'kwb' | 'gemeentecijfers';

export interface ImportFileInput {
  kind: UploadKind;
  fileName: string;
  bytes: Uint8Array;
  actor: string; // user name, "cli" or "opstart"
  userId?: number | null;
  /** Boundary vintage for `grenzen`, KWB year for `kwb` when the file name does not say it. */
  vintage?: number;
  year?: number;
}

export interface RowError {
  line: number; // 1-based line in the file (header = 1); 0 for a problem with the file as a whole
  column?: string;
  message: string; // Dutch, specific: what is wrong and, where it helps, what was expected
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  kind: UploadKind;
  fileName: string;
  fileHash: string;
  errors: RowError[];
  warnings: RowError[];
  rowsTotal: number;
  rowsNew: number;
  rowsCorrected: number;
  rowsUnchanged: number;
  importId: number | null; // set when committed
}

/**
 * Validates the whole file and, unless `dryRun`, writes it in one transaction: all rows or none.
 * The same file twice changes nothing; a changed value becomes a correction with history.
 */
export async function importFile(
  _db: Db,
  _input: ImportFileInput,
  _options: { dryRun: boolean },
): Promise<ImportReport> {
  throw new Error('importFile is nog niet gebouwd');
}

/** Undoes a committed import: observations it added are removed, values it corrected are restored. */
export async function rollbackImport(_db: Db, _importId: number, _actor: string): Promise<void> {
  throw new Error('rollbackImport is nog niet gebouwd');
}
