import { vintageForYear } from '../areas/vintageForPeriod.ts';
import type { Db } from '../db/createDatabase.ts';
import { commitImport as commit } from './commitImport.ts';
import { ELAN_BOUNDARY_VINTAGE, parseElanWijkprofielen } from './elan/parseElanWijkprofielen.ts';
import {
  addErrors,
  addWarnings,
  finish,
  type ImportInput,
  type ImportOptions,
  type ImportReport,
} from './importReport.ts';
import { rowError } from './observationRow.ts';
import { MISSING_FLAG, parseSeriesCsv } from './series/parseSeriesCsv.ts';
import { writeAreas } from './writeAreas.ts';
import { classifyObservations, type ResolvedObservation, writeObservations } from './writeObservations.ts';

/**
 * ELAN/LUMC wijkprofielen (third-party series, CLI and start-up only). ELAN computed every year on
 * one wijkindeling, the current one (WK191613 has figures from 2009, before CBS created it), so all
 * years go to vintage ELAN_BOUNDARY_VINTAGE (or `input.vintage`), not the KWB year→vintage map.
 * Wijken missing from that vintage are skipped with a warning: one odd code must not stop the series.
 */
export async function importElanWijkprofielen(
  db: Db,
  input: ImportInput,
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
export async function importSeries(
  db: Db,
  input: ImportInput,
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
