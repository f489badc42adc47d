import { sql } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel } from '../db/Database.ts';

export interface LayerSelection {
  indicatorId: string;
  period: string;
  vintage: number;
  level: AreaLevel;
  gemeente?: string | undefined;
}

/**
 * The one query behind a map layer, as one join: kept for comparison (bench:api) and for readers.
 * The layer itself reads with findLayerValues.
 */
export function mapLayerQuery(db: Db, selection: LayerSelection) {
  let query = db
    .selectFrom('observations as o')
    .innerJoin('areas as a', (join) =>
      join.onRef('a.code', '=', 'o.area_code').onRef('a.vintage', '=', 'o.vintage'),
    )
    .select(LAYER_COLUMNS)
    .where('o.indicator_id', '=', selection.indicatorId)
    .where('o.period', '=', selection.period)
    .where('o.vintage', '=', selection.vintage)
    .where('a.level', '=', selection.level);
  const gemeente = selection.gemeente;
  if (gemeente)
    query = query.where((eb) => eb.or([eb('a.gemeente_code', '=', gemeente), eb('a.code', '=', gemeente)]));
  return query.orderBy('o.area_code');
}

// What the layer shows and what disclosure needs; not `source` (a long text per row, never shown).
const LAYER_COLUMNS = [
  'o.area_code',
  'o.value',
  'o.numerator',
  'o.denominator',
  'o.confidential',
  'o.withheld',
] as const;

/** The codes of one level (of one gemeente, or all), from the areas index. */
export function findLevelCodes(db: Db, selection: LayerSelection) {
  let query = db
    .selectFrom('areas as a')
    .select('a.code')
    .where('a.vintage', '=', selection.vintage)
    .where('a.level', '=', selection.level);
  const gemeente = selection.gemeente;
  if (gemeente)
    query = query.where((eb) => eb.or([eb('a.gemeente_code', '=', gemeente), eb('a.code', '=', gemeente)]));
  return query.execute();
}

/**
 * One indicator × period for every area of a level, in code order. Two single-table reads instead
 * of one join (decision 0118): right after a bulk write the planner's statistics are stale, and it
 * then chose a nested loop that scanned every buurt for every value (68 million rows, 33 s and
 * more for a national layer). Each read here is an index range (observations_layer, areas' own
 * indexes) whose cost follows the rows it returns, whatever the statistics say.
 */
export async function findLayerValues(db: Db, selection: LayerSelection) {
  const query = db
    .selectFrom('observations as o')
    .select(LAYER_COLUMNS)
    .where('o.indicator_id', '=', selection.indicatorId)
    .where('o.period', '=', selection.period)
    .where('o.vintage', '=', selection.vintage)
    // Byte order: area codes are ASCII, so it is the same order, but a sort without the locale's
    // collation rules (half the time of the national read went to sorting).
    .orderBy(sql`o.area_code collate "C"`);
  // One gemeente: only its codes, each an index probe.
  if (selection.gemeente) {
    const codes = (await findLevelCodes(db, selection)).map((row) => row.code);
    if (codes.length === 0) return [];
    return query.where('o.area_code', '=', sql<string>`any(${codes}::text[])`).execute();
  }
  // All of a level: the whole index range, read beside the level's codes (two connections on
  // PostgreSQL), and the rows of other levels dropped here.
  const [codes, rows] = await Promise.all([findLevelCodes(db, selection), query.execute()]);
  const inLevel = new Set(codes.map((row) => row.code));
  return rows.filter((row) => inLevel.has(row.area_code));
}

export async function findGeometries(db: Db, vintage: number, level: AreaLevel, gemeente?: string) {
  let query = db
    .selectFrom('areas')
    .select(['code', 'name', 'geometry', 'bbox'])
    .where('vintage', '=', vintage)
    .where('level', '=', level);
  if (gemeente)
    query = query.where((eb) => eb.or([eb('gemeente_code', '=', gemeente), eb('code', '=', gemeente)]));
  return query.orderBy('code').execute();
}

/** The programme whose targets colour a gemeente's map when none is asked for: its newest. */
export async function defaultProgrammeOf(db: Db, gemeente: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('programmes')
    .select('id')
    .where('gemeente_code', '=', gemeente)
    .orderBy('start_year', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

export async function programmeExists(db: Db, id: string): Promise<{ gemeente_code: string } | undefined> {
  return db.selectFrom('programmes').select('gemeente_code').where('id', '=', id).executeTakeFirst();
}

/** Every programme, oldest id first: the order in which an area in two programmes gets its target. */
export async function allProgrammeIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('programmes').select('id').orderBy('id').execute()).map((row) => row.id);
}
