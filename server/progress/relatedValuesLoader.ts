// The one read of the values that "verwante reeks" (relatedSeries.ts) and "Volgen" (monitoring.ts)
// show: the areas of the programmes' indelingen and every value of the named indicators. Two
// queries, however many targets, rows or programmes.
import type { Db } from '../db/createDatabase.ts';
import { findAreasOfVintages, findSeriesValues } from './progressRepository.ts';
import type { AreaRow, SeriesValueRow } from './progressRows.ts';

export interface RelatedValues {
  /** The areas of these vintages. */
  areas: AreaRow[];
  /** Every stored value of these indicators (each rule keeps whole years of the areas it reads). */
  values: SeriesValueRow[];
}

export async function loadRelatedValues(
  db: Db,
  vintages: readonly number[],
  indicatorIds: readonly string[],
): Promise<RelatedValues> {
  if (indicatorIds.length === 0) return { areas: [], values: [] };
  const [areas, values] = await Promise.all([
    findAreasOfVintages(db, [...new Set(vintages)]),
    findSeriesValues(db, [...new Set(indicatorIds)]),
  ]);
  return { areas, values };
}
