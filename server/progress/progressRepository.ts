// The only SQL of progress: every read the loaders batch (one query per table, whatever the
// number of targets or programmes). Rows carry only the columns of progressRows.ts.
import type { AreaLevel } from '../../schemas/enums.ts';
import type { Db } from '../db/createDatabase.ts';
import type {
  AreaRow,
  IndicatorRow,
  MemberRow,
  ObservationRow,
  ProgrammeAreaRow,
  ProgrammeIndicatorRow,
  ProgrammeRow,
  SeriesValueRow,
  TargetRow,
} from './progressRows.ts';

const PROGRAMME_COLUMNS = [
  'id',
  'name',
  'gemeente_code',
  'start_year',
  'horizon_years',
  'vintage',
  'reference_area_code',
  'source_document',
] as const;
const TARGET_COLUMNS = [
  'id',
  'programme_id',
  'indicator_id',
  'area_code',
  'horizon',
  'target_year',
  'kind',
  'target_value',
  'reference_area_code',
  'direction',
  'baseline_year',
  'baseline_value',
  'baseline_numerator',
  'baseline_source',
  'baseline_period_start',
  'baseline_period_end',
  'plan_text',
  'note',
] as const;
const INDICATOR_COLUMNS = [
  'id',
  'name',
  'unit',
  'polarity',
  'decimals',
  'source',
  'numerator_label',
  'denominator_label',
  'min_denominator',
  'min_count',
] as const;
const AREA_COLUMNS = ['code', 'vintage', 'name', 'level', 'parent_code'] as const;
const OBSERVATION_COLUMNS = [
  'indicator_id',
  'area_code',
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
  'interval_low',
  'interval_high',
  'source',
] as const;

export function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').select(PROGRAMME_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findProgrammes(db: Db, ids: readonly string[]): Promise<ProgrammeRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('programmes').select(PROGRAMME_COLUMNS).where('id', 'in', ids).execute();
}

export function findTargetsOfProgramme(db: Db, programmeId: string): Promise<TargetRow[]> {
  return db
    .selectFrom('targets')
    .select(TARGET_COLUMNS)
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
}

/** Targets set on the area itself or on a programme area it is a member of (in that vintage). */
export function findTargetsConcerningArea(db: Db, areaCode: string, vintage: number): Promise<TargetRow[]> {
  return db
    .selectFrom('targets')
    .select(TARGET_COLUMNS)
    .where((eb) =>
      eb.or([
        eb('area_code', '=', areaCode),
        eb(
          'area_code',
          'in',
          eb
            .selectFrom('area_members')
            .select('area_code')
            .where('member_code', '=', areaCode)
            .where('vintage', '=', vintage),
        ),
      ]),
    )
    .orderBy('programme_id')
    .orderBy('id')
    .execute();
}

export interface LayerTargetsQuery {
  indicatorId: string;
  horizon: number;
  vintage: number;
  level: AreaLevel;
  gemeenteCode?: string | undefined;
  programmeId?: string | undefined;
}

/** Targets on areas of one indeling and level (of one gemeente when given), first programme by id first. */
export function findTargetsOnLayer(db: Db, q: LayerTargetsQuery): Promise<TargetRow[]> {
  let areas = db
    .selectFrom('areas')
    .select('code')
    .where('vintage', '=', q.vintage)
    .where('level', '=', q.level);
  if (q.gemeenteCode) areas = areas.where('gemeente_code', '=', q.gemeenteCode);
  let query = db
    .selectFrom('targets')
    .select(TARGET_COLUMNS)
    .where('indicator_id', '=', q.indicatorId)
    .where('horizon', '=', q.horizon)
    .where('area_code', 'in', areas);
  if (q.programmeId) query = query.where('programme_id', '=', q.programmeId);
  return query.orderBy('programme_id').orderBy('id').execute();
}

export function findArea(db: Db, code: string, vintage: number): Promise<AreaRow | undefined> {
  return db
    .selectFrom('areas')
    .select(AREA_COLUMNS)
    .where('code', '=', code)
    .where('vintage', '=', vintage)
    .executeTakeFirst();
}

/** The areas with these codes, in every vintage (to tell a redrawn area from the same one). */
export async function findAreasByCode(db: Db, codes: readonly string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('areas').select(AREA_COLUMNS).where('code', 'in', codes).execute();
}

export async function findAreasOfVintages(db: Db, vintages: readonly number[]): Promise<AreaRow[]> {
  if (vintages.length === 0) return [];
  return db.selectFrom('areas').select(AREA_COLUMNS).where('vintage', 'in', vintages).execute();
}

export function findIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').select(INDICATOR_COLUMNS).execute();
}

/** The members of these (programme) areas in these vintages. */
export async function findMembers(
  db: Db,
  areaCodes: readonly string[],
  vintages: readonly number[],
): Promise<MemberRow[]> {
  if (areaCodes.length === 0 || vintages.length === 0) return [];
  return db
    .selectFrom('area_members')
    .select(['area_code', 'member_code', 'vintage'])
    .where('vintage', 'in', vintages)
    .where('area_code', 'in', areaCodes)
    .execute();
}

export async function findProgrammeAreaRows(
  db: Db,
  programmeIds: readonly string[],
): Promise<ProgrammeAreaRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_areas')
    .select(['programme_id', 'area_code', 'label', 'role', 'sort_order'])
    .where('programme_id', 'in', programmeIds)
    .orderBy('sort_order')
    .execute();
}

export async function findProgrammeIndicatorLinks(
  db: Db,
  programmeIds: readonly string[],
): Promise<ProgrammeIndicatorRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_indicators')
    .select(['programme_id', 'indicator_id', 'related_indicator_id', 'label', 'level', 'role', 'sort_order'])
    .where('programme_id', 'in', programmeIds)
    .orderBy('sort_order')
    .orderBy('indicator_id')
    .execute();
}

export interface ObservationsQuery {
  indicatorIds?: readonly string[];
  areaCodes: readonly string[];
  /** Leave out later years. */
  upToYear?: number | null;
}

/** Observations of these areas (and indicators), oldest year first. */
export async function findObservations(db: Db, q: ObservationsQuery): Promise<ObservationRow[]> {
  if (q.areaCodes.length === 0 || q.indicatorIds?.length === 0) return [];
  let query = db.selectFrom('observations').select(OBSERVATION_COLUMNS);
  if (q.indicatorIds) query = query.where('indicator_id', 'in', q.indicatorIds);
  query = query.where('area_code', 'in', q.areaCodes);
  if (q.upToYear != null) query = query.where('year', '<=', q.upToYear);
  return query.orderBy('year').execute();
}

/** Every value of these indicators, in any area (related series and "Volgen" filter them per use). */
export async function findSeriesValues(db: Db, indicatorIds: readonly string[]): Promise<SeriesValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select([
      'indicator_id',
      'area_code',
      'vintage',
      'period',
      'year',
      'value',
      'numerator',
      'denominator',
      'confidential',
      'withheld',
      'source',
      'interval_low',
      'interval_high',
    ])
    .where('indicator_id', 'in', indicatorIds)
    .execute();
}
