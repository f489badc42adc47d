import type { IndicatorBody } from '../../schemas/indicators.ts';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel, Indicator } from '../db/Database.ts';

export function toIndicatorBody(row: Indicator): IndicatorBody {
  return {
    id: row.id,
    naam: row.name,
    korteNaam: row.short_name,
    eenheid: row.unit,
    polariteit: row.polarity,
    decimalen: row.decimals,
    definitie: row.definition,
    bron: row.source,
    thema: row.theme,
    teller: row.numerator_label,
    noemer: row.denominator_label,
    openbaarmaking: { minimumNoemer: row.min_denominator, minimumTeller: row.min_count },
  };
}

export async function findIndicators(
  db: Db,
  filters: { thema?: string | undefined } = {},
): Promise<Indicator[]> {
  let query = db.selectFrom('indicators').selectAll();
  if (filters.thema) query = query.where('theme', '=', filters.thema);
  return query.orderBy('theme').orderBy('name').orderBy('id').execute();
}

export async function findIndicator(db: Db, id: string): Promise<Indicator | undefined> {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Indicators by id, for looking up several rules and names at once. */
export async function findIndicatorsById(db: Db, ids: readonly string[]): Promise<Map<string, Indicator>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('indicators').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Which periods × indelingen × levels hold observations of an indicator. */
export async function findAvailability(db: Db, indicatorId: string) {
  const rows = await db
    .selectFrom('observations')
    .innerJoin('areas', (join) =>
      join
        .onRef('areas.code', '=', 'observations.area_code')
        .onRef('areas.vintage', '=', 'observations.vintage'),
    )
    .select((eb) => [
      'observations.period',
      'observations.vintage',
      'areas.level',
      eb.fn.countAll<number>().as('count'),
    ])
    .where('observations.indicator_id', '=', indicatorId)
    .groupBy(['observations.period', 'observations.vintage', 'areas.level'])
    .orderBy('observations.period')
    .orderBy('areas.level')
    .execute();
  return rows.map((row) => ({
    periode: row.period,
    indeling: row.vintage,
    niveau: row.level as AreaLevel,
    aantal: Number(row.count),
  }));
}
