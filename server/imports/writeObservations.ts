import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';
import type { ParsedObservation } from './observationRow.ts';

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

const CHUNK = 1000;
const INSERT_CHUNK = 5000;

/**
 * Writes observations inside the caller's transaction: new keys are inserted, unchanged values
 * are left alone (they keep the import that first brought them), changed values are updated
 * after their previous state is copied into observation_revisions.
 */
export async function writeObservations(
  trx: Executor,
  rows: ResolvedObservation[],
  importId: number,
  actor: string,
): Promise<WriteCounts> {
  const existing = await loadExisting(trx, rows);
  const counts: WriteCounts = { rowsNew: 0, rowsCorrected: 0, rowsUnchanged: 0 };
  const inserts: ResolvedObservation[] = [];
  const corrections: { row: ResolvedObservation; current: ExistingObservation }[] = [];
  for (const row of rows) {
    const current = existing.get(keyOf(row.indicatorId, row.areaCode, row.vintage, row.period));
    if (!current) inserts.push(row);
    else if (sameValues(current, row)) counts.rowsUnchanged++;
    else corrections.push({ row, current });
  }
  // Corrections before inserts: right after a large insert the planner still takes the table
  // for small and joins the VALUES list by sequential scan.
  for (let start = 0; start < corrections.length; start += CHUNK) {
    const chunk = corrections.slice(start, start + CHUNK);
    await trx
      .insertInto('observation_revisions')
      .values(
        chunk.map(({ current }) => ({
          observation_id: current.id,
          value: current.value,
          numerator: current.numerator,
          denominator: current.denominator,
          provisional: current.provisional,
          confidential: current.confidential,
          value_rounding: current.value_rounding,
          count_rounding: current.count_rounding,
          source: current.source,
          flags: current.flags,
          interval_low: current.interval_low,
          interval_high: current.interval_high,
          import_id: current.import_id,
          valid_from: current.updated_at,
          replaced_by_import_id: importId,
          replaced_by: actor,
        })),
      )
      .execute();
    // One UPDATE … FROM (VALUES …) per chunk instead of one statement per corrected row.
    const values = sql.join(
      chunk.map(
        ({ row, current }) =>
          sql`(${current.id}::bigint, ${row.value}::double precision, ${row.numerator}::double precision, ${row.denominator}::double precision, ${row.provisional}::boolean, ${row.confidential}::boolean, ${row.valueRounding}::double precision, ${row.countRounding}::double precision, ${row.source}::text, ${row.year}::integer, ${row.flags ?? null}::text, ${row.intervalLow ?? null}::double precision, ${row.intervalHigh ?? null}::double precision)`,
      ),
    );
    await sql`
      update observations as o set
        value = v.value, numerator = v.numerator, denominator = v.denominator,
        provisional = v.provisional, confidential = v.confidential,
        value_rounding = v.value_rounding, count_rounding = v.count_rounding,
        source = v.source, year = v.year, flags = v.flags, interval_low = v.interval_low,
        interval_high = v.interval_high, import_id = ${importId}, updated_at = now()
      from (values ${values}) as v(id, value, numerator, denominator, provisional, confidential, value_rounding, count_rounding, source, year, flags, interval_low, interval_high)
      where o.id = v.id`.execute(trx);
  }
  counts.rowsCorrected = corrections.length;

  // One INSERT … SELECT FROM unnest(arrays) per chunk: 14 parameters however many rows, which
  // is several times faster than a multi-row VALUES list on both PGlite and PostgreSQL.
  for (let start = 0; start < inserts.length; start += INSERT_CHUNK) {
    const chunk = inserts.slice(start, start + INSERT_CHUNK);
    const column = <T>(pick: (row: ResolvedObservation) => T) => chunk.map(pick);
    await sql`
      insert into observations (indicator_id, area_code, vintage, period, year, value, numerator, denominator,
        provisional, confidential, value_rounding, count_rounding, source, import_id, flags, interval_low, interval_high)
      select * from unnest(
        ${column((row) => row.indicatorId)}::text[], ${column((row) => row.areaCode)}::text[],
        ${column((row) => row.vintage)}::integer[], ${column((row) => row.period)}::text[],
        ${column((row) => row.year)}::integer[], ${column((row) => row.value)}::double precision[],
        ${column((row) => row.numerator)}::double precision[], ${column((row) => row.denominator)}::double precision[],
        ${column((row) => row.provisional)}::boolean[], ${column((row) => row.confidential)}::boolean[],
        ${column((row) => row.valueRounding)}::double precision[], ${column((row) => row.countRounding)}::double precision[],
        ${column((row) => row.source)}::text[], ${column(() => importId)}::integer[],
        ${column((row) => row.flags ?? null)}::text[], ${column((row) => row.intervalLow ?? null)}::double precision[],
        ${column((row) => row.intervalHigh ?? null)}::double precision[])`.execute(trx);
  }
  counts.rowsNew = inserts.length;
  return counts;
}
