import { sql } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import {
  type ObservationFilters,
  observationsQuery,
  whereObservationFilters,
} from '../observations/observationsRepository.ts';
import type { ObservationRow } from '../observations/publishObservation.ts';

export const EXPORT_BATCH_SIZE = 2000;

/**
 * Every observation matching the filters, in key order, without holding them all in memory.
 * On PostgreSQL one server-side cursor (Kysely .stream()); PGlite cannot stream, so there the same
 * query is read in keyset-paginated batches on the unique key (indicator, area, vintage, period).
 */
export async function* observationRowsInOrder(
  db: Db,
  filters: ObservationFilters,
  options: { canStream: boolean; batchSize?: number },
): AsyncGenerator<ObservationRow> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const ordered = () =>
    observationsQuery(db)
      .where(whereObservationFilters(filters))
      .orderBy('o.indicator_id')
      .orderBy('o.area_code')
      .orderBy('o.vintage')
      .orderBy('o.period');
  if (options.canStream) {
    yield* ordered().stream(batchSize);
    return;
  }
  let after: ObservationRow | undefined;
  for (;;) {
    let query = ordered();
    if (after) {
      const last = after;
      query = query.where(
        sql<boolean>`(o.indicator_id, o.area_code, o.vintage, o.period) > (${last.indicator_id}, ${last.area_code}, ${last.vintage}, ${last.period})`,
      );
    }
    const batch = await query.limit(batchSize).execute();
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1];
  }
}
