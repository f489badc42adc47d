import { gemeenteCodeOf, parentCodeOf } from '../areas/areaCodes.ts';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel } from '../db/Database.ts';
import { commitImport as commit } from './commitImport.ts';
import {
  addErrors,
  addWarnings,
  finish,
  type ImportInput,
  type ImportOptions,
  type ImportReport,
} from './importReport.ts';
import { boundaryVintageForKwbYear, kwbYearFromName } from './kwb/kwbColumnMap.ts';
import { parseKwbStream, parseKwbYielding } from './kwb/parseKwb.ts';
import { rowError } from './observationRow.ts';
import { isFallbackName, writeAreas } from './writeAreas.ts';
import { classifyObservations, type ResolvedObservation, writeObservations } from './writeObservations.ts';

export async function importKwb(
  db: Db,
  input: ImportInput,
  options: ImportOptions,
  report: ImportReport,
  /** The decoded file, or its text in chunks as it is read from disk (an upload, docs/decisions/0106). */
  text: string | AsyncIterable<string>,
): Promise<ImportReport> {
  // Which regions can be stored: the ones with an area in this vintage. A region of a gemeente
  // whose boundaries were never loaded is skipped with one warning (national files hold every
  // gemeente); an unknown region inside a loaded gemeente is an error (a wrong code or vintage).
  // The areas are read before the file, so skipped rows cost no memory (D11); a JSON file that
  // names its year only inside is checked the same way after parsing.
  const loadAreas = async (vintage: number) => {
    const existing = await db
      .selectFrom('areas')
      .select(['code', 'gemeente_code', 'name'])
      .where('vintage', '=', vintage)
      .execute();
    const loadedGemeenten = new Set(
      existing.map((row) => row.gemeente_code ?? (row.code.startsWith('GM') ? row.code : null)),
    );
    return { vintage, existing, knownCodes: new Set(existing.map((row) => row.code)), loadedGemeenten };
  };
  const expectedYear = input.year ?? kwbYearFromName(input.fileName);
  const expectedVintage = expectedYear === undefined ? undefined : boundaryVintageForKwbYear(expectedYear);
  // A CSV's year comes from the option or the file name, so the guess is its year; a JSON file
  // may name another table inside and is read whole, as before (an upload in chunks is always a
  // CSV: importUploadedFile hands JSON over as text).
  const isJson = typeof text === 'string' && /^\uFEFF?\s*[[{]/.test(text.slice(0, 64));
  const early = expectedVintage === undefined || isJson ? undefined : await loadAreas(expectedVintage);
  const skipRegion = (code: string, level: AreaLevel) =>
    early !== undefined &&
    level !== 'land' &&
    !options.createMissingAreas &&
    !early.knownCodes.has(code) &&
    !early.loadedGemeenten.has(gemeenteCodeOf(code)!);
  const parseOptions = { fileName: input.fileName, year: input.year, skipRegion };
  const parsed = await (typeof text === 'string'
    ? parseKwbYielding(text, parseOptions)
    : parseKwbStream(text, parseOptions));
  addErrors(report, parsed.errors);
  addWarnings(report, parsed.warnings);
  if (parsed.year !== undefined) report.year = parsed.year;
  if (parsed.vintage !== undefined) report.vintage = parsed.vintage;
  if (parsed.errors.length > 0 || parsed.vintage === undefined) return finish(report);
  const vintage = parsed.vintage;
  options.onProgress?.('gecontroleerd', 1, 3);

  if (early && early.vintage !== vintage) throw new Error(`KWB-indeling ${vintage} ≠ ${early.vintage}`);
  const { existing, knownCodes, loadedGemeenten } = early ?? (await loadAreas(vintage));
  // Areas that only have a stand-in name ("Wijk 09": the boundary file named no wijken) get the
  // name KWB gives them. Real names are never replaced.
  const standInNames = new Set(existing.filter((row) => isFallbackName(row.name)).map((row) => row.code));
  const renames = parsed.regions.filter(
    (region) => standInNames.has(region.code) && region.name !== region.code,
  );
  const areasToCreate: { code: string; name: string; level: AreaLevel }[] = [];
  const skippedGemeenten = parsed.skipped.gemeenten;
  const skippedCodes = new Set<string>();
  for (const region of parsed.regions) {
    if (knownCodes.has(region.code)) continue;
    if (region.level === 'land' || options.createMissingAreas) {
      areasToCreate.push({
        code: region.code,
        name: region.level === 'land' && region.name === region.code ? 'Nederland' : region.name,
        level: region.level,
      });
      knownCodes.add(region.code);
      continue;
    }
    const gemeente = gemeenteCodeOf(region.code)!;
    if (loadedGemeenten.has(gemeente)) {
      addErrors(report, [
        rowError(
          region.line,
          'Codering',
          `Onbekende gebiedscode '${region.code}' in indeling ${vintage}: gemeente ${gemeente} is ingelezen, dit gebied niet. Lees eerst de grenzen van indeling ${vintage} in.`,
        ),
      ]);
    } else {
      skippedGemeenten.add(gemeente);
      skippedCodes.add(region.code);
    }
  }
  const observations = parsed.observations.filter(
    (row) => !skippedCodes.has(row.areaCode),
  ) as ResolvedObservation[];
  report.rowsSkipped = parsed.observations.length - observations.length + parsed.skipped.observations;
  if (skippedGemeenten.size > 0) {
    const list = [...skippedGemeenten].sort();
    addWarnings(report, [
      rowError(
        0,
        'Codering',
        `${skippedCodes.size + parsed.skipped.codes} gebieden in ${list.length} gemeenten zonder ingelezen grenzen (indeling ${vintage}) zijn overgeslagen: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ', …' : ''}. Lees eerst de grenzen van die gemeenten in, of gebruik --gebieden-aanmaken.`,
      ),
    ]);
  }
  report.rowsTotal = observations.length;
  if (report.errors.length > 0) return finish(report);
  const reportExtra = {
    areasRenamed: renames.length,
    year: parsed.year,
    vintage,
    tableId: parsed.tableId,
    ignoredColumns: parsed.ignoredColumns.length,
    rowsSkipped: report.rowsSkipped,
  };
  if (options.dryRun) {
    Object.assign(report, await classifyObservations(db, observations));
    return finish(report);
  }
  return commit(db, input, report, reportExtra, async (trx, importId) => {
    if (areasToCreate.length > 0) {
      await writeAreas(
        trx,
        areasToCreate.map((area) => ({
          ...area,
          vintage,
          parentCode: parentCodeOf(area.code),
          gemeenteCode: gemeenteCodeOf(area.code),
          geometry: null,
          bbox: null,
          derived: false,
        })),
        importId,
        `KWB ${parsed.year} (${input.fileName})`,
      );
    }
    for (const region of renames) {
      await trx
        .updateTable('areas')
        .set({ name: region.name })
        .where('code', '=', region.code)
        .where('vintage', '=', vintage)
        .execute();
    }
    options.onProgress?.('schrijven', 2, 3);
    return writeObservations(trx, observations, importId, input.actor);
  });
}
