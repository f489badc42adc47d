import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import {
  type ObservationFilters,
  observationsQuery,
  whereObservationFilters,
} from '../observations/observationsRepository.ts';
import type { ObservationRow } from '../observations/publishObservation.ts';

export const EXPORT_BATCH_SIZE = 2000;

/** What the export reads of an observation: no id, import id or timestamp (parsing those costs time). */
export type ExportObservation = Omit<ObservationRow, 'id' | 'import_id' | 'updated_at'>;

/** The fields of ExportObservation in the order of the database's JSON array (exportRecordQuery). */
const RECORD_FIELDS = [
  'indicator_id',
  'area_code',
  'area_name',
  'level',
  'vintage',
  'period',
  'year',
  'value',
  'numerator',
  'denominator',
  'provisional',
  'confidential',
  'withheld',
  'value_rounding',
  'count_rounding',
  'source',
  'flags',
  'interval_low',
  'interval_high',
] as const satisfies ReadonlyArray<keyof ExportObservation>;

const SOURCE_COLUMN: Record<(typeof RECORD_FIELDS)[number], string> = {
  indicator_id: 'o.indicator_id',
  area_code: 'o.area_code',
  area_name: 'a.name',
  level: 'a.level',
  vintage: 'o.vintage',
  period: 'o.period',
  year: 'o.year',
  value: 'o.value',
  numerator: 'o.numerator',
  denominator: 'o.denominator',
  provisional: 'o.provisional',
  confidential: 'o.confidential',
  withheld: 'o.withheld',
  value_rounding: 'o.value_rounding',
  count_rounding: 'o.count_rounding',
  source: 'o.source',
  flags: 'o.flags',
  interval_low: 'o.interval_low',
  interval_high: 'o.interval_high',
};

const orderedQuery = (db: Db, filters: ObservationFilters) =>
  observationsQuery(db)
    .where(whereObservationFilters(filters))
    .orderBy('o.indicator_id')
    .orderBy('o.area_code')
    .orderBy('o.vintage')
    .orderBy('o.period');

/**
 * The export's rows as the database writes them: JSON, one array per row, aggregated into one text
 * per batch of rows. A driver then parses one text per batch instead of nineteen typed columns per
 * row (PGlite: 217 683 rows in 2,7 s of CPU instead of 10,4 s), JSON.parse is native, and JSON
 * keeps every character and number exact (decision 0121).
 */
function exportBatchQuery(
  db: Db,
  filters: ObservationFilters,
  batchSize: number,
): CompiledQuery<{ batch: string }> {
  const ordered = db
    .selectFrom('observations as o')
    .innerJoin('areas as a', (join) =>
      join.onRef('a.code', '=', 'o.area_code').onRef('a.vintage', '=', 'o.vintage'),
    )
    .where(whereObservationFilters(filters))
    .select([
      sql<number>`row_number() over (order by o.indicator_id, o.area_code, o.vintage, o.period)`.as('n'),
      sql<string>`json_build_array(${sql.raw(RECORD_FIELDS.map((field) => SOURCE_COLUMN[field]).join(', '))})::text`.as(
        'r',
      ),
    ])
    .compile();
  const size = Math.max(1, Math.trunc(batchSize));
  return CompiledQuery.raw(
    `select '[' || string_agg(r, ',' order by n) || ']' as batch from (${ordered.sql}) rows ` +
      `group by (n - 1) / ${size} order by (n - 1) / ${size}`,
    [...ordered.parameters],
  ) as CompiledQuery<{ batch: string }>;
}

/** One database JSON array (in RECORD_FIELDS order) back into named fields; a literal, so V8 keeps one shape. */
export function decodeExportRecord(v: readonly unknown[]): ExportObservation {
  return {
    indicator_id: v[0] as string,
    area_code: v[1] as string,
    area_name: v[2] as string,
    level: v[3] as ExportObservation['level'],
    vintage: v[4] as number,
    period: v[5] as string,
    year: v[6] as number,
    value: v[7] as number | null,
    numerator: v[8] as number | null,
    denominator: v[9] as number | null,
    provisional: v[10] as boolean,
    confidential: v[11] as boolean,
    withheld: v[12] as boolean,
    value_rounding: v[13] as number | null,
    count_rounding: v[14] as number | null,
    source: v[15] as string,
    flags: v[16] as string | null,
    interval_low: v[17] as number | null,
    interval_high: v[18] as number | null,
  };
}

let cursorCount = 0;
/** A cursor name of our own per export: two downloads at once each have their own. */
const nextCursorName = () => `export_rows_${++cursorCount}`;

/**
 * Every observation matching the filters, in key order, in batches (one await per batch, not per
 * row: the export's speed is decided here), without holding them all in the process's memory,
 * and as one snapshot: an upload committed while the client downloads does not reach this export.
 */
export async function* observationRowsInOrder(
  db: Db,
  filters: ObservationFilters,
  options: { canStream: boolean; batchSize?: number },
): AsyncGenerator<ObservationRow[]> {
  yield* batchesInOrder(db, orderedQuery(db, filters).compile(), options);
}

/** The export's rows (ExportObservation), read as the database's JSON arrays; see observationRowsInOrder. */
export async function* exportObservationsInOrder(
  db: Db,
  filters: ObservationFilters,
  options: { canStream: boolean; batchSize?: number },
): AsyncGenerator<ExportObservation[]> {
  const query = exportBatchQuery(db, filters, options.batchSize ?? EXPORT_BATCH_SIZE);
  // Each fetched row is a whole batch: fetch them one by one, so one batch is in memory at a time.
  for await (const rows of batchesInOrder(db, query, { canStream: options.canStream, batchSize: 1 })) {
    for (const { batch } of rows) yield (JSON.parse(batch) as unknown[][]).map(decodeExportRecord);
  }
}

/**
 * PostgreSQL: one server-side cursor (DECLARE … FETCH n) in a read-only transaction, a snapshot of
 * the whole export. Kysely's own .stream() would need `pg-cursor` in the dialect config of
 * server/db/createDatabase.ts, which this feature does not own; DECLARE/FETCH does the same on the
 * server with the pool we have.
 *
 * PGlite: a transaction would lock the embedded database for every other request while the client
 * downloads, so the cursor is declared WITH HOLD outside a transaction: that one statement runs the
 * query and materialises its result inside the database (spilling to temporary files, not to the
 * JS heap), which is the snapshot; the batches are then fetched between other requests' queries
 * (D14, docs/decisions/0121).
 */
function batchesInOrder<R>(
  db: Db,
  compiled: CompiledQuery<R>,
  options: { canStream: boolean; batchSize?: number },
): AsyncGenerator<R[]> {
  const batchSize = Math.trunc(options.batchSize ?? EXPORT_BATCH_SIZE);
  return options.canStream
    ? rowsThroughCursor(db, compiled, batchSize)
    : rowsThroughHeldCursor(db, compiled, batchSize);
}

async function* fetchAll<R>(
  run: (query: CompiledQuery) => Promise<{ rows: R[] }>,
  name: string,
  batchSize: number,
) {
  const fetch = CompiledQuery.raw(`fetch forward ${batchSize} from ${name}`);
  for (;;) {
    const { rows } = await run(fetch);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
  }
}

const declare = (name: string, compiled: CompiledQuery, hold: boolean) =>
  CompiledQuery.raw(`declare ${name} no scroll cursor ${hold ? 'with hold ' : ''}for ${compiled.sql}`, [
    ...compiled.parameters,
  ]);

async function* rowsThroughHeldCursor<R>(db: Db, compiled: CompiledQuery<R>, batchSize: number) {
  const name = nextCursorName();
  await db.executeQuery(declare(name, compiled, true));
  try {
    yield* fetchAll<R>((query) => db.executeQuery<R>(query), name, batchSize);
  } finally {
    // Finished, or the client went away: a held cursor lives until closed, so always close it.
    await db.executeQuery(CompiledQuery.raw(`close ${name}`));
  }
}

async function* rowsThroughCursor<R>(db: Db, compiled: CompiledQuery<R>, batchSize: number) {
  const trx = await db.startTransaction().setAccessMode('read only').execute();
  let committed = false;
  try {
    // The export reads every row: plan for the whole result, not for the first 10% (the cursor default).
    await trx.executeQuery(CompiledQuery.raw('set local cursor_tuple_fraction = 1'));
    await trx.executeQuery(declare('export_rows', compiled, false));
    yield* fetchAll<R>((query) => trx.executeQuery<R>(query), 'export_rows', batchSize);
    await trx.executeQuery(CompiledQuery.raw('close export_rows'));
    await trx.commit().execute();
    committed = true;
  } finally {
    // The client went away mid-download, or a query failed: give the connection back clean.
    if (!committed) await trx.rollback().execute();
  }
}
