import { createHash } from 'node:crypto';
import { gemeenteCodeOf, parentCodeOf } from '../areas/areaCodes.ts';
import { vintageForYear } from '../areas/vintageForPeriod.ts';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel } from '../db/Database.ts';
import { indicatorsOfImport, refreshWithheld } from '../disclosure/disclosureRepository.ts';
import { parseBoundaries } from './boundaries/parseBoundaries.ts';
import { writeBoundaries } from './boundaries/writeBoundaries.ts';
import { ELAN_BOUNDARY_VINTAGE, parseElanWijkprofielen } from './elan/parseElanWijkprofielen.ts';
import { parseGemeenteCsv } from './gemeente/parseGemeenteCsv.ts';
import { checkPlausibility } from './gemeente/plausibility.ts';
import { lockImportWrites } from './importLock.ts';
import { boundaryVintageForKwbYear, kwbYearFromName } from './kwb/kwbColumnMap.ts';
import { parseKwbYielding } from './kwb/parseKwb.ts';
import type { ParsedObservation, RowError } from './observationRow.ts';
import { rowError } from './observationRow.ts';
import { MISSING_FLAG, parseSeriesCsv } from './series/parseSeriesCsv.ts';
import { checkFileSize, decodeUtf8 } from './text/decodeText.ts';
import { isFallbackName, resolveAreaNames, writeAreas } from './writeAreas.ts';
import {
  classifyObservations,
  type Executor,
  type ObservationChange,
  type ResolvedObservation,
  type WriteCounts,
  writeObservations,
} from './writeObservations.ts';

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

const KIND_LABEL: Record<ImportFileKind, string> = {
  elan: 'ELAN-wijkprofielen',
  reeks: 'reeksbestanden',
  gemeentecijfers: 'gemeentecijfers',
  kwb: 'KWB-bestanden',
  grenzen: 'grensbestanden',
};

const MAX_REPORTED = 500;
/** Errors and warnings kept in a report; beyond this only their number (a 1 M-error file, D10). */
export const MAX_REPORTED_ERRORS = 1000;

/** Appends without spreading (`push(...list)` overflows the stack past ~120 000 items) and caps. */
function addErrors(report: ImportReport, errors: readonly RowError[]): void {
  report.errorsTotal += errors.length;
  for (const error of errors) {
    if (report.errors.length >= MAX_REPORTED_ERRORS) break;
    report.errors.push(error);
  }
}

function addWarnings(report: ImportReport, warnings: readonly RowError[]): void {
  report.warningsTotal += warnings.length;
  for (const warning of warnings) {
    if (report.warnings.length >= MAX_REPORTED_ERRORS) break;
    report.warnings.push(warning);
  }
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
  const refuse = (message: string, line = 0) => {
    addErrors(report, [rowError(line, undefined, message)]);
    return report;
  };
  const tooBig = checkFileSize(input.bytes.byteLength, MAX_FILE_BYTES[input.kind], KIND_LABEL[input.kind]);
  if (tooBig) return refuse(tooBig);
  if (input.bytes.byteLength === 0) return refuse('Het bestand is leeg.');
  const decoded = decodeUtf8(input.bytes);
  if (!decoded.ok) return refuse(decoded.message, decoded.line);
  options.onProgress?.('lezen', 0, 1);

  switch (input.kind) {
    case 'grenzen':
      return importBoundaries(db, input, options, report, decoded.text);
    case 'kwb':
      return importKwb(db, input, options, report, decoded.text);
    case 'gemeentecijfers':
      return importGemeenteCijfers(db, input, options, report, decoded.text);
    case 'elan':
      return importElanWijkprofielen(db, input, options, report, decoded.text);
    case 'reeks':
      return importSeries(db, input, options, report, decoded.text);
    default:
      return refuse(`Onbekende soort import '${String(input.kind)}'.`);
  }
}

async function importBoundaries(
  db: Db,
  input: ImportFileInput,
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

async function importKwb(
  db: Db,
  input: ImportFileInput,
  options: ImportOptions,
  report: ImportReport,
  text: string,
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
  // may name another table inside and is read whole, as before.
  const isJson = /^\uFEFF?\s*[[{]/.test(text.slice(0, 64));
  const early = expectedVintage === undefined || isJson ? undefined : await loadAreas(expectedVintage);
  const skipRegion = (code: string, level: AreaLevel) =>
    early !== undefined &&
    level !== 'land' &&
    !options.createMissingAreas &&
    !early.knownCodes.has(code) &&
    !early.loadedGemeenten.has(gemeenteCodeOf(code)!);
  const parsed = await parseKwbYielding(text, { fileName: input.fileName, year: input.year, skipRegion });
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

async function importGemeenteCijfers(
  db: Db,
  input: ImportFileInput,
  options: ImportOptions,
  report: ImportReport,
  text: string,
): Promise<ImportReport> {
  const parsed = parseGemeenteCsv(text);
  addErrors(report, parsed.errors);
  addWarnings(report, parsed.warnings);
  report.rowsTotal = parsed.rowsTotal;
  if (parsed.errors.length > 0 && parsed.observations.length === 0) return finish(report);

  const resolved = await resolveAgainstDatabase(db, parsed.observations, input.vintage);
  const rules = new Map(
    (
      await db
        .selectFrom('indicators')
        .select(['id', 'name', 'unit', 'decimals', 'value_min', 'value_max', 'value_rounding'])
        .where('id', 'in', [...new Set(resolved.rows.map((r) => r.indicatorId)), ''])
        .execute()
    ).map((r) => [r.id, r]),
  );
  const plausible = checkPlausibility(resolved.rows, rules, options.currentYear ?? new Date().getFullYear());
  // All lists sorted by line; merged so the errors kept (MAX_REPORTED_ERRORS) are the first of the file.
  const byLine = (x: RowError, y: RowError) => x.line - y.line;
  report.errors = [];
  report.errorsTotal = 0;
  addErrors(report, parsed.errors.concat(resolved.errors, plausible.errors).sort(byLine));
  report.warnings = [];
  report.warningsTotal = 0;
  addWarnings(report, parsed.warnings.concat(plausible.warnings).sort(byLine));
  if (report.errors.length > 0) return finish(report);
  if (options.dryRun) {
    const { changes, ...counts } = await classifyObservations(db, plausible.rows);
    Object.assign(report, counts);
    report.changes = changes;
    return finish(report);
  }
  return commit(db, input, report, {}, (trx, importId) =>
    writeObservations(trx, plausible.rows, importId, input.actor),
  );
}

/**
 * ELAN/LUMC wijkprofielen (third-party series, CLI and start-up only). ELAN computed every year on
 * one wijkindeling, the current one (WK191613 has figures from 2009, before CBS created it), so all
 * years go to vintage ELAN_BOUNDARY_VINTAGE (or `input.vintage`), not the KWB year→vintage map.
 * Wijken missing from that vintage are skipped with a warning: one odd code must not stop the series.
 */
async function importElanWijkprofielen(
  db: Db,
  input: ImportFileInput,
  options: ImportOptions,
  report: ImportReport,
  text: string,
): Promise<ImportReport> {
  const parsed = parseElanWijkprofielen(text);
  addErrors(report, parsed.errors);
  addWarnings(report, parsed.warnings);
  if (parsed.errors.length > 0) return finish(report);
  const vintage = input.vintage ?? ELAN_BOUNDARY_VINTAGE;
  report.vintage = vintage;
  const codes = [...new Set(parsed.observations.map((row) => row.areaCode))];
  const known = new Set(
    codes.length === 0
      ? []
      : (
          await db
            .selectFrom('areas')
            .select('code')
            .where('vintage', '=', vintage)
            .where('code', 'in', codes)
            .execute()
        ).map((row) => row.code),
  );
  if (codes.length > 0 && known.size === 0) {
    report.errors.push(
      rowError(
        0,
        'WKC',
        `Geen van de wijken in het bestand (${codes.slice(0, 3).join(', ')}${codes.length > 3 ? ', …' : ''}) bestaat in indeling ${vintage}. Lees eerst de grenzen van indeling ${vintage} in.`,
      ),
    );
    return finish(report);
  }
  const unknown = codes.filter((code) => !known.has(code)).sort();
  for (const code of unknown) {
    const first = parsed.observations.find((row) => row.areaCode === code)!;
    addWarnings(report, [
      rowError(
        first.line,
        'WKC',
        `Wijk '${code}' bestaat niet in indeling ${vintage}; de waarden van deze wijk zijn overgeslagen.`,
      ),
    ]);
  }
  const observations: ResolvedObservation[] = parsed.observations
    .filter((row) => known.has(row.areaCode))
    .map((row) => ({ ...row, vintage }));
  report.rowsSkipped = parsed.observations.length - observations.length;
  report.rowsTotal = observations.length;
  options.onProgress?.('gecontroleerd', 1, 3);
  if (options.dryRun) {
    Object.assign(report, await classifyObservations(db, observations));
    return finish(report);
  }
  const details = { vintage, rowsRead: parsed.rowsRead, rowsSkipped: report.rowsSkipped };
  return commit(db, input, report, details, (trx, importId) =>
    writeObservations(trx, observations, importId, input.actor),
  );
}

/**
 * A long-format series file (gebiedscode;indicator;periode;waarde;teller;noemer;bron;flag), CLI and
 * start-up (data packs). Each row goes to the indeling of its year (vintageForYear, the one rule)
 * unless the file states one indeling for all years (`input.vintage`, e.g. ELAN v7 computed every
 * year on the current wijken). Unknown indicators and areas are row errors: all or nothing.
 * Nederland (NL00) is created where an indeling lacks it, as the KWB import does.
 */
async function importSeries(
  db: Db,
  input: ImportFileInput,
  options: ImportOptions,
  report: ImportReport,
  text: string,
): Promise<ImportReport> {
  const parsed = parseSeriesCsv(text);
  report.errors.push(...parsed.errors);
  report.warnings.push(...parsed.warnings);
  if (parsed.rowsMissing > 0)
    report.warnings.push(
      rowError(
        0,
        'waarde',
        `${parsed.rowsMissing} regels zonder waarde (vlag ${MISSING_FLAG}) zijn niet opgeslagen.`,
      ),
    );
  if (parsed.errors.length > 0) return finish(report);
  const rows: ResolvedObservation[] = parsed.observations.map((row) => ({
    ...row,
    vintage: input.vintage ?? vintageForYear(row.year),
  }));
  const indicatorIds = new Set(
    (await db.selectFrom('indicators').select('id').execute()).map((row) => row.id),
  );
  const codes = [...new Set(rows.map((row) => row.areaCode))];
  const known = new Set(
    (await db.selectFrom('areas').select(['code', 'vintage']).where('code', 'in', codes).execute()).map(
      (row) => `${row.code}|${row.vintage}`,
    ),
  );
  const landToCreate = new Set<number>();
  for (const row of rows) {
    if (!indicatorIds.has(row.indicatorId)) {
      report.errors.push(
        rowError(
          row.line,
          'indicator',
          `Onbekende indicator '${row.indicatorId}': die staat niet in geodata/indicators.json.`,
        ),
      );
    }
    if (known.has(`${row.areaCode}|${row.vintage}`)) continue;
    if (row.areaCode === 'NL00') landToCreate.add(row.vintage);
    else
      report.errors.push(
        rowError(
          row.line,
          'gebiedscode',
          `Gebied '${row.areaCode}' bestaat niet in indeling ${row.vintage} (de indeling van ${row.period}). Lees eerst de grenzen van die indeling in.`,
        ),
      );
  }
  report.rowsTotal = rows.length;
  report.rowsSkipped = parsed.rowsMissing;
  if (report.errors.length > 0) {
    report.errors.sort((a, b) => a.line - b.line);
    return finish(report);
  }
  options.onProgress?.('gecontroleerd', 1, 3);
  if (options.dryRun) {
    Object.assign(report, await classifyObservations(db, rows));
    return finish(report);
  }
  const details = {
    rowsRead: parsed.rowsRead,
    rowsMissing: parsed.rowsMissing,
    vintage: input.vintage ?? null,
  };
  return commit(db, input, report, details, async (trx, importId) => {
    if (landToCreate.size > 0) {
      await writeAreas(
        trx,
        [...landToCreate].map((vintage) => ({
          code: 'NL00',
          name: 'Nederland',
          level: 'land' as const,
          vintage,
          parentCode: null,
          gemeenteCode: null,
          geometry: null,
          bbox: null,
          derived: false,
        })),
        importId,
        `Reeks (${input.fileName})`,
      );
    }
    return writeObservations(trx, rows, importId, input.actor);
  });
}

/** Checks indicator ids and area codes against the database and picks each row's boundary vintage. */
export async function resolveAgainstDatabase(
  db: Executor,
  rows: ParsedObservation[],
  preferredVintage: number | undefined,
): Promise<{ rows: ResolvedObservation[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const indicatorIds = new Set(
    (await db.selectFrom('indicators').select('id').execute()).map((row) => row.id),
  );
  const codes = [...new Set(rows.map((row) => row.areaCode))];
  const vintagesByCode = new Map<string, number[]>();
  for (let start = 0; start < codes.length; start += 1000) {
    const found = await db
      .selectFrom('areas')
      .select(['code', 'vintage'])
      .where('code', 'in', codes.slice(start, start + 1000))
      .execute();
    for (const row of found)
      vintagesByCode.set(row.code, [...(vintagesByCode.get(row.code) ?? []), row.vintage]);
  }
  const resolved: ResolvedObservation[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    let ok = true;
    if (!indicatorIds.has(row.indicatorId)) {
      errors.push(rowError(row.line, 'indicator', `Onbekende indicator '${row.indicatorId}'.`));
      ok = false;
    }
    const vintages = (vintagesByCode.get(row.areaCode) ?? []).sort((a, b) => b - a);
    let vintage: number | undefined;
    if (vintages.length === 0) {
      errors.push(rowError(row.line, 'gebiedscode', `Onbekende gebiedscode '${row.areaCode}'.`));
      ok = false;
    } else {
      const wanted = row.vintage ?? preferredVintage;
      vintage = wanted === undefined ? vintages[0] : vintages.includes(wanted) ? wanted : undefined;
      if (vintage === undefined) {
        errors.push(
          rowError(
            row.line,
            row.vintage ? 'indeling' : 'gebiedscode',
            `Gebied '${row.areaCode}' bestaat niet in indeling ${wanted} (wel in ${vintages.join(', ')}).`,
          ),
        );
        ok = false;
      }
    }
    if (!ok || vintage === undefined) continue;
    // Rows without an indeling column can only collide once their vintage is known.
    const key = `${row.indicatorId}|${row.areaCode}|${vintage}|${row.period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(
        rowError(
          row.line,
          undefined,
          `Dubbele regel: ${row.areaCode}, ${row.indicatorId}, ${row.period} staat ook op regel ${earlier}.`,
        ),
      );
      continue;
    }
    seen.set(key, row.line);
    resolved.push({ ...row, vintage });
  }
  return { rows: resolved, errors };
}

function finish(report: ImportReport): ImportReport {
  report.ok = report.errors.length === 0;
  return report;
}

/** One transaction: the imports row, the data, the counts and an audit entry; all or nothing. */
async function commit(
  db: Db,
  input: ImportFileInput,
  report: ImportReport,
  details: Record<string, unknown>,
  write: (trx: Executor, importId: number) => Promise<WriteCounts>,
): Promise<ImportReport> {
  // Inside a caller's transaction (the online loader writes several files all-or-nothing) the
  // import joins it; otherwise it is its own transaction.
  const inTransaction = <T>(work: (trx: Executor) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  const importId = await inTransaction(async (trx) => {
    // Imports take turns (D8, D9); the rows the write reads are then the committed ones.
    await lockImportWrites(trx);
    const { id } = await trx
      .insertInto('imports')
      .values({
        kind: input.kind,
        file_name: input.fileName,
        file_hash: report.fileHash,
        file_size: input.bytes.byteLength,
        actor: input.actor,
        user_id: input.userId ?? null,
        status: 'gelukt',
        rows_total: report.rowsTotal,
        report: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const counts = await write(trx, id);
    Object.assign(report, counts);
    // Secondary suppression (decision 0082): new figures (or new boundaries) can open a difference.
    await refreshWithheld(trx, input.kind === 'grenzen' ? undefined : await indicatorsOfImport(trx, id));
    const stored = {
      ...details,
      warnings: report.warnings.slice(0, MAX_REPORTED),
      warningsTotal: report.warningsTotal,
      rowsNew: counts.rowsNew,
      rowsCorrected: counts.rowsCorrected,
      rowsUnchanged: counts.rowsUnchanged,
    };
    await trx
      .updateTable('imports')
      .set({
        finished_at: new Date(),
        rows_new: counts.rowsNew,
        rows_corrected: counts.rowsCorrected,
        rows_unchanged: counts.rowsUnchanged,
        report: JSON.stringify(stored),
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        actor: input.actor,
        user_id: input.userId ?? null,
        action: 'import.commit',
        entity: 'imports',
        entity_id: String(id),
        before: null,
        after: JSON.stringify({
          kind: input.kind,
          fileName: input.fileName,
          fileHash: report.fileHash,
          ...counts,
        }),
        import_id: id,
      })
      .execute();
    return id;
  });
  report.importId = importId;
  return finish(report);
}

// The row types live with the parsers; re-exported for the callers of the import pipeline.
export { formatRowError, type RowError } from './observationRow.ts';
export { rollbackImport } from './rollbackImport.ts';
