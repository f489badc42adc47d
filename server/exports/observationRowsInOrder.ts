import { CompiledQuery } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import {
  type ObservationFilters,
  observationsQuery,
  whereObservationFilters,
} from '../observations/observationsRepository.ts';
import type { ObservationRow } from '../observations/publishObservation.ts';

export const EXPORT_BATCH_SIZE = 2000;

const orderedQuery = (db: Db, filters: ObservationFilters) =>
  observationsQuery(db)
    .where(whereObservationFilters(filters))
    .orderBy('o.indicator_id')
    .orderBy('o.area_code')
    .orderBy('o.vintage')
    .orderBy('o.period');

let cursorCount = 0;
/** A cursor name of our own per export: two downloads at once each have their own. */
const nextCursorName = () => `export_rows_${++cursorCount}`;

/**
 * Every observation matching the filters, in key order, in batches (one await per batch, not per
 * row: the export's speed is decided here), without holding them all in the process's memory,
 * and as one snapshot: an upload committed while the client downloads does not reach this export.
 *
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
export async function* observationRowsInOrder(
  db: Db,
  filters: ObservationFilters,
  options: { canStream: boolean; batchSize?: number },
): AsyncGenerator<ObservationRow[]> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const compiled = orderedQuery(db, filters).compile();
  if (options.canStream) yield* rowsThroughCursor(db, compiled, batchSize);
  else yield* rowsThroughHeldCursor(db, compiled, batchSize);
}

async function* rowsThroughHeldCursor<R>(
  db: Db,
  compiled: CompiledQuery<R>,
  batchSize: number,
): AsyncGenerator<R[]> {
  const name = nextCursorName();
  await db.executeQuery(
    CompiledQuery.raw(`declare ${name} no scroll cursor with hold for ${compiled.sql}`, [
      ...compiled.parameters,
    ]),
  );
  try {
    const fetch = CompiledQuery.raw(`fetch forward ${Math.trunc(batchSize)} from ${name}`);
    for (;;) {
      const { rows } = await db.executeQuery<R>(fetch);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) break;
    }
  } finally {
    // Finished, or the client went away: a held cursor lives until closed, so always close it.
    await db.executeQuery(CompiledQuery.raw(`close ${name}`));
  }
}

async function* rowsThroughCursor<R>(
  db: Db,
  compiled: CompiledQuery<R>,
  batchSize: number,
): AsyncGenerator<R[]> {
  const trx = await db.startTransaction().setAccessMode('read only').execute();
  let committed = false;
  try {
    await trx.executeQuery(
      CompiledQuery.raw(`declare export_rows no scroll cursor for ${compiled.sql}`, [...compiled.parameters]),
    );
    const fetch = CompiledQuery.raw(`fetch forward ${Math.trunc(batchSize)} from export_rows`);
    for (;;) {
      const { rows } = await trx.executeQuery<R>(fetch);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) break;
    }
    await trx.executeQuery(CompiledQuery.raw('close export_rows'));
    await trx.commit().execute();
    committed = true;
  } finally {
    // The client went away mid-download, or a query failed: give the connection back clean.
    if (!committed) await trx.rollback().execute();
  }
}
