import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel, Database } from '../db/Database.ts';
import type { ObservationRow } from './publishObservation.ts';

export interface ObservationFilters {
  indicator?: string[] | undefined;
  gebied?: string[] | undefined;
  niveau?: AreaLevel | undefined;
  periode?: string[] | undefined;
  gemeente?: string | undefined;
  indeling?: number | undefined;
}

type Eb = ExpressionBuilder<Database & { o: Database['observations']; a: Database['areas'] }, 'o' | 'a'>;

export function whereObservationFilters(filters: ObservationFilters) {
  return (eb: Eb) => {
    const conditions = [];
    if (filters.indicator) conditions.push(eb('o.indicator_id', 'in', filters.indicator));
    if (filters.gebied) conditions.push(eb('o.area_code', 'in', filters.gebied));
    if (filters.periode) conditions.push(eb('o.period', 'in', filters.periode));
    if (filters.indeling !== undefined) conditions.push(eb('o.vintage', '=', filters.indeling));
    if (filters.niveau) conditions.push(eb('a.level', '=', filters.niveau));
    if (filters.gemeente) {
      // A gemeente's own row has no gemeente_code of itself in every importer's data: match its code too.
      conditions.push(
        eb.or([eb('a.gemeente_code', '=', filters.gemeente), eb('a.code', '=', filters.gemeente)]),
      );
    }
    return eb.and(conditions);
  };
}

/** Observations joined with their area, in the order of the unique key (stable paging). */
export function observationsQuery(db: Db) {
  return db
    .selectFrom('observations as o')
    .innerJoin('areas as a', (join) =>
      join.onRef('a.code', '=', 'o.area_code').onRef('a.vintage', '=', 'o.vintage'),
    )
    .select([
      'o.id',
      'o.indicator_id',
      'o.area_code',
      'a.name as area_name',
      'a.level',
      'o.vintage',
      'o.period',
      'o.year',
      'o.value',
      'o.numerator',
      'o.denominator',
      'o.provisional',
      'o.confidential',
      'o.withheld',
      'o.value_rounding',
      'o.count_rounding',
      'o.source',
      'o.flags',
      'o.interval_low',
      'o.interval_high',
      'o.import_id',
      'o.updated_at',
    ]);
}

export async function findObservations(
  db: Db,
  filters: ObservationFilters,
  page: { offset: number; paginaGrootte: number },
): Promise<{ rows: ObservationRow[]; total: number }> {
  const where = whereObservationFilters(filters);
  const countRow = await db
    .selectFrom('observations as o')
    .innerJoin('areas as a', (join) =>
      join.onRef('a.code', '=', 'o.area_code').onRef('a.vintage', '=', 'o.vintage'),
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await observationsQuery(db)
    .where(where)
    .orderBy('o.indicator_id')
    .orderBy('o.area_code')
    .orderBy('o.vintage')
    .orderBy('o.period')
    .limit(page.paginaGrootte)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(countRow.total) };
}

export async function findObservation(db: Db, id: number): Promise<ObservationRow | undefined> {
  return observationsQuery(db).where('o.id', '=', id).executeTakeFirst();
}

/** Earlier values of a corrected observation, newest first. */
export async function findRevisions(db: Db, observationId: number) {
  return db
    .selectFrom('observation_revisions')
    .selectAll()
    .where('observation_id', '=', observationId)
    .orderBy('replaced_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
