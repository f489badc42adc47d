import type { Db } from '../db/createDatabase.ts';
import { commitImport as commit } from './commitImport.ts';
import { parseGemeenteCsv } from './gemeente/parseGemeenteCsv.ts';
import { checkPlausibility } from './gemeente/plausibility.ts';
import {
  addErrors,
  addWarnings,
  finish,
  type ImportInput,
  type ImportOptions,
  type ImportReport,
} from './importReport.ts';
import type { ParsedObservation, RowError } from './observationRow.ts';
import { rowError } from './observationRow.ts';
import {
  classifyObservations,
  type Executor,
  type ResolvedObservation,
  writeObservations,
} from './writeObservations.ts';

export async function importGemeenteCijfers(
  db: Db,
  input: ImportInput,
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
