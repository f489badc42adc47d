import { CompiledQuery, sql } from 'kysely';
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

/**
 * Every observation matching the filters, in key order, in batches (one await per batch, not per
 * row: the export's speed is decided here), without holding them all in memory.
 *
 * PostgreSQL: one server-side cursor (DECLARE … FETCH n) in a read-only transaction, a snapshot of
 * the whole export. Kysely's own .stream() would need `pg-cursor` in the dialect config of
 * server/db/createDatabase.ts, which this feature does not own; DECLARE/FETCH does the same on the
 * server with the pool we have.
 *
 * PGlite: a transaction would lock the embedded database for every other request while the client
 * downloads, so the same ordered query is read in keyset-paginated batches on the unique key
 * (indicator, area, vintage, period) instead.
 */
export async function* observationRowsInOrder(
  db: Db,
  filters: ObservationFilters,
  options: { canStream: boolean; batchSize?: number },
): AsyncGenerator<ObservationRow[]> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  if (options.canStream) {
    yield* rowsThroughCursor(db, orderedQuery(db, filters).compile(), batchSize);
    return;
  }
  let after: ObservationRow | undefined;
  for (;;) {
    let query = orderedQuery(db, filters);
    if (after) {
      const last = after;
      query = query.where(
        sql<boolean>`(o.indicator_id, o.area_code, o.vintage, o.period) > (${last.indicator_id}, ${last.area_code}, ${last.vintage}, ${last.period})`,
      );
    }
    const batch = await query.limit(batchSize).execute();
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1];
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
