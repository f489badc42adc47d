import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';
import type { ParsedObservation } from './observationRow.ts';
import { changedFigures, STAGED_COLUMNS, sameKey, stageObservations } from './observationStaging.ts';

export type Executor = Db | Transaction<Database>;

export interface ResolvedObservation extends ParsedObservation {
  vintage: number;
}

export interface WriteCounts {
  rowsNew: number;
  rowsCorrected: number;
  rowsUnchanged: number;
}

interface ExistingObservation {
  id: number;
  indicator_id: string;
  area_code: string;
  vintage: number;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
  confidential: boolean;
  value_rounding: number | null;
  count_rounding: number | null;
  source: string;
  flags: string | null;
  interval_low: number | null;
  interval_high: number | null;
  import_id: number | null;
  updated_at: Date;
}

const keyOf = (indicatorId: string, areaCode: string, vintage: number, period: string) =>
  `${indicatorId}|${areaCode}|${vintage}|${period}`;

function sameValues(existing: ExistingObservation, row: ResolvedObservation): boolean {
  return (
    existing.value === row.value &&
    existing.numerator === row.numerator &&
    existing.denominator === row.denominator &&
    existing.provisional === row.provisional &&
    existing.confidential === row.confidential &&
    existing.value_rounding === row.valueRounding &&
    existing.count_rounding === row.countRounding &&
    existing.source === row.source &&
    existing.flags === (row.flags ?? null) &&
    existing.interval_low === (row.intervalLow ?? null) &&
    existing.interval_high === (row.intervalHigh ?? null)
  );
}

/** The observations already stored for the keys of these rows, by key. */
async function loadExisting(
  db: Executor,
  rows: ResolvedObservation[],
): Promise<Map<string, ExistingObservation>> {
  const existing = new Map<string, ExistingObservation>();
  const indicatorIds = [...new Set(rows.map((row) => row.indicatorId))];
  const periods = [...new Set(rows.map((row) => row.period))];
  const vintages = [...new Set(rows.map((row) => row.vintage))];
  if (indicatorIds.length === 0) return existing;
  const wanted = new Set(rows.map((row) => keyOf(row.indicatorId, row.areaCode, row.vintage, row.period)));
  const found = await db
    .selectFrom('observations')
    .select([
      'id',
      'indicator_id',
      'area_code',
      'vintage',
      'period',
      'value',
      'numerator',
      'denominator',
      'provisional',
      'confidential',
      'value_rounding',
      'count_rounding',
      'source',
      'flags',
      'interval_low',
      'interval_high',
      'import_id',
      'updated_at',
    ])
    .where('indicator_id', 'in', indicatorIds)
    .where('period', 'in', periods)
    .where('vintage', 'in', vintages)
    .execute();
  for (const row of found) {
    const key = keyOf(row.indicator_id, row.area_code, row.vintage, row.period);
    if (wanted.has(key)) existing.set(key, row);
  }
  return existing;
}

/** One stored observation a file would change: its key and the figures before and after. */
export interface ObservationChange {
  line: number;
  indicatorId: string;
  areaCode: string;
  vintage: number;
  period: string;
  old: ChangedFigures;
  new: ChangedFigures;
}

export interface ChangedFigures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  flags: string[];
}

const MAX_CHANGES = 500;

function flagWords(o: {
  provisional: boolean;
  confidential: boolean;
  valueRounding: number | null;
  countRounding: number | null;
}): string[] {
  return [
    ...(o.provisional ? ['voorlopig'] : []),
    ...(o.confidential ? ['geheim'] : []),
    ...(o.countRounding != null ? [`afgerond:${o.countRounding}`] : []),
    ...(o.valueRounding != null ? [`waarde-afgerond:${o.valueRounding}`] : []),
  ];
}

/** What writing these rows would do, without writing (for a dry run), with the changed rows. */
export async function classifyObservations(
  db: Executor,
  rows: ResolvedObservation[],
): Promise<WriteCounts & { changes: ObservationChange[] }> {
  const existing = await loadExisting(db, rows);
  const counts: WriteCounts = { rowsNew: 0, rowsCorrected: 0, rowsUnchanged: 0 };
  const changes: ObservationChange[] = [];
  for (const row of rows) {
    const current = existing.get(keyOf(row.indicatorId, row.areaCode, row.vintage, row.period));
    if (!current) counts.rowsNew++;
    else if (sameValues(current, row)) counts.rowsUnchanged++;
    else {
      counts.rowsCorrected++;
      if (changes.length < MAX_CHANGES) {
        changes.push({
          line: row.line,
          indicatorId: row.indicatorId,
          areaCode: row.areaCode,
          vintage: row.vintage,
          period: row.period,
          old: {
            value: current.value,
            numerator: current.numerator,
            denominator: current.denominator,
            flags: flagWords({
              provisional: current.provisional,
              confidential: current.confidential,
              valueRounding: current.value_rounding,
              countRounding: current.count_rounding,
            }),
          },
          new: {
            value: row.value,
            numerator: row.numerator,
            denominator: row.denominator,
            flags: flagWords(row),
          },
        });
      }
    }
  }
  return { ...counts, changes };
}

/**
 * Writes observations inside the caller's transaction: new keys are inserted, unchanged values
 * are left alone (they keep the import that first brought them), changed values are updated
 * after their previous state is copied into observation_revisions. The rows go into a temporary
 * table by COPY, and three set-based statements do the rest (decision 0111).
 */
export async function writeObservations(
  trx: Executor,
  rows: ResolvedObservation[],
  importId: number,
  actor: string,
): Promise<WriteCounts> {
  if (rows.length === 0) return { rowsNew: 0, rowsCorrected: 0, rowsUnchanged: 0 };
  await stageObservations(trx, rows);
  // Corrections before inserts, as before: the history keeps the state each value had until now.
  await sql`
    insert into observation_revisions (observation_id, value, numerator, denominator, provisional,
      confidential, value_rounding, count_rounding, source, flags, interval_low, interval_high,
      import_id, valid_from, replaced_by_import_id, replaced_by)
    select o.id, o.value, o.numerator, o.denominator, o.provisional, o.confidential, o.value_rounding,
      o.count_rounding, o.source, o.flags, o.interval_low, o.interval_high, o.import_id, o.updated_at,
      ${importId}, ${actor}
    from observations_staging s join observations o on ${sameKey}
    where ${changedFigures}
    order by o.id`.execute(trx);
  const corrected = await sql`
    update observations as o set
      value = s.value, numerator = s.numerator, denominator = s.denominator,
      provisional = s.provisional, confidential = s.confidential,
      value_rounding = s.value_rounding, count_rounding = s.count_rounding,
      source = s.source, year = s.year, flags = s.flags, interval_low = s.interval_low,
      interval_high = s.interval_high, import_id = ${importId}, updated_at = now()
    from observations_staging s
    where ${sameKey} and ${changedFigures}`.execute(trx);
  // New keys, in index order. No ON CONFLICT: imports take turns (importLock.ts), so no other
  // import can store a key meanwhile, and speculative insertion cost 10–20 % more on PostgreSQL.
  const inserted = await sql`
    insert into observations (${sql.raw(STAGED_COLUMNS.join(', '))}, import_id)
    select ${sql.raw(STAGED_COLUMNS.map((column) => `s.${column}`).join(', '))}, ${importId}::integer
    from observations_staging s
    where not exists (select from observations o where ${sameKey})
    order by s.indicator_id, s.period, s.vintage, s.area_code`.execute(trx);
  const rowsCorrected = Number(corrected.numAffectedRows ?? 0);
  const rowsNew = Number(inserted.numAffectedRows ?? 0);
  return { rowsNew, rowsCorrected, rowsUnchanged: rows.length - rowsNew - rowsCorrected };
}
