import { createHash } from 'node:crypto';
import type { Db } from '../db/createDatabase.ts';
import { importBoundaries } from './importBoundaryFile.ts';
import { importGemeenteCijfers } from './importGemeenteCijfers.ts';
import { importKwb } from './importKwb.ts';
import {
  addErrors,
  type ImportFileInput,
  type ImportOptions,
  type ImportReport,
  KIND_LABEL,
  MAX_FILE_BYTES,
} from './importReport.ts';
import { importElanWijkprofielen, importSeries } from './importSeriesFiles.ts';
import { rowError } from './observationRow.ts';
import { checkFileSize, decodeUtf8 } from './text/decodeText.ts';

// The import pipeline's entry: checks the file, decodes it and hands it to the importer of its
// kind (one file per kind beside this one); each writes through commitImport.ts, all or nothing.

/** A new report of this file; `refused` when its size (too large, empty) stops the import here. */
export function startReport(
  input: Pick<ImportFileInput, 'kind' | 'fileName'>,
  byteLength: number,
  fileHash: string,
  options: ImportOptions,
): { report: ImportReport; refused: boolean } {
  const report: ImportReport = {
    ok: false,
    dryRun: options.dryRun,
    kind: input.kind,
    fileName: input.fileName,
    fileHash,
    errors: [],
    errorsTotal: 0,
    warnings: [],
    warningsTotal: 0,
    rowsTotal: 0,
    rowsNew: 0,
    rowsCorrected: 0,
    rowsUnchanged: 0,
    importId: null,
  };
  const tooBig = checkFileSize(byteLength, MAX_FILE_BYTES[input.kind], KIND_LABEL[input.kind]);
  if (tooBig) refuseFile(report, tooBig);
  else if (byteLength === 0) refuseFile(report, 'Het bestand is leeg.');
  return { report, refused: report.errorsTotal > 0 };
}

export function refuseFile(report: ImportReport, message: string, line = 0): ImportReport {
  addErrors(report, [rowError(line, undefined, message)]);
  return report;
}

/**
 * Validates the whole file and, unless `dryRun`, writes it in one transaction: all rows or none.
 * The same file twice changes nothing; a changed value becomes a correction with history.
 */
export async function importFile(
  db: Db,
  input: ImportFileInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const fileHash = createHash('sha256').update(input.bytes).digest('hex');
  const { report, refused } = startReport(input, input.bytes.byteLength, fileHash, options);
  if (refused) return report;
  const decoded = decodeUtf8(input.bytes);
  if (!decoded.ok) return refuseFile(report, decoded.message, decoded.line);
  options.onProgress?.('lezen', 0, 1);

  const { bytes, ...file } = input;
  const read = { ...file, fileSize: bytes.byteLength };
  switch (input.kind) {
    case 'grenzen':
      return importBoundaries(db, read, options, report, decoded.text);
    case 'kwb':
      return importKwb(db, read, options, report, decoded.text);
    case 'gemeentecijfers':
      return importGemeenteCijfers(db, read, options, report, decoded.text);
    case 'elan':
      return importElanWijkprofielen(db, read, options, report, decoded.text);
    case 'reeks':
      return importSeries(db, read, options, report, decoded.text);
    default:
      return refuseFile(report, `Onbekende soort import '${String(input.kind)}'.`);
  }
}

// The contract's types and the row types, re-exported for the callers of the import pipeline.
export { resolveAgainstDatabase } from './importGemeenteCijfers.ts';
export {
  type ImportFileInput,
  type ImportFileKind,
  type ImportOptions,
  type ImportReport,
  MAX_FILE_BYTES,
  MAX_REPORTED_ERRORS,
  type UploadKind,
} from './importReport.ts';
export { formatRowError, type RowError } from './observationRow.ts';
export { rollbackImport } from './rollbackImport.ts';
