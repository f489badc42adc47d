import type { Db } from '../db/createDatabase.ts';
import type { ObservationFilters } from '../observations/observationsRepository.ts';

/** The programme areas an export with these filters selects (the filters an area can match). */
export async function findProgrammeAreasToExport(db: Db, filters: ObservationFilters) {
  if (filters.niveau && filters.niveau !== 'programmagebied') return [];
  let query = db
    .selectFrom('areas')
    .select(['code', 'name', 'vintage'])
    .where('level', '=', 'programmagebied');
  if (filters.gebied) query = query.where('code', 'in', filters.gebied);
  if (filters.indeling !== undefined) query = query.where('vintage', '=', filters.indeling);
  const gemeente = filters.gemeente;
  if (gemeente)
    query = query.where((eb) => eb.or([eb('gemeente_code', '=', gemeente), eb('code', '=', gemeente)]));
  return query.orderBy('code').orderBy('vintage').execute();
}

/**
 * Indicator ids and area codes in the database's own order (its collation, which need not be
 * JavaScript's): the export orders its rows by them, and computed rows must take the same places.
 */
export async function findKeyOrder(db: Db): Promise<{ indicatorIds: string[]; areaCodes: string[] }> {
  const [indicators, areas] = await Promise.all([
    db.selectFrom('indicators').select('id').orderBy('id').execute(),
    db.selectFrom('areas').select('code').distinct().orderBy('code').execute(),
  ]);
  return { indicatorIds: indicators.map((row) => row.id), areaCodes: areas.map((row) => row.code) };
}
