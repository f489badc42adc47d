import type { Db } from '../db/createDatabase.ts';
import { parseBoundaries } from './boundaries/parseBoundaries.ts';
import { writeBoundaries } from './boundaries/writeBoundaries.ts';
import { commitImport as commit } from './commitImport.ts';
import {
  addErrors,
  addWarnings,
  finish,
  type ImportInput,
  type ImportOptions,
  type ImportReport,
} from './importReport.ts';
import { resolveAreaNames, writeAreas } from './writeAreas.ts';

export async function importBoundaries(
  db: Db,
  input: ImportInput,
  options: ImportOptions,
  report: ImportReport,
  text: string,
): Promise<ImportReport> {
  const parsed = parseBoundaries(text, { fileName: input.fileName, vintage: input.vintage });
  addErrors(report, parsed.errors);
  addWarnings(report, parsed.warnings);
  if (parsed.vintage !== undefined) report.vintage = parsed.vintage;
  report.rowsTotal = parsed.areas.length;
  if (parsed.errors.length > 0) return finish(report);
  options.onProgress?.('vereenvoudigd', 1, 2);
  await resolveAreaNames(db, parsed.areas);
  const source = `Grenzen ${parsed.vintage} (${input.fileName})`;
  if (options.dryRun) {
    Object.assign(report, await writeAreas(db, parsed.areas, null, source, { dryRun: true }));
    return finish(report);
  }
  return commit(db, input, report, { vintage: parsed.vintage, crs: parsed.crs }, async (trx, importId) =>
    writeBoundaries(trx, parsed.areas, importId, source),
  );
}
