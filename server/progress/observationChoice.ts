// Which stored observation stands for an indicator × area × year, when several indelingen (and
// period shapes) hold one. Pure: no database, no Express.
import { isSameArea } from '../areas/sameArea.ts';
import type { ObservationRow } from './progressRows.ts';

/** The name of an area code in one vintage, or undefined when the code is not in that vintage. */
export type NameOf = (code: string, vintage: number) => string | undefined;

export const observationKey = (indicatorId: string, areaCode: string, year: number): string =>
  `${indicatorId}|${areaCode}|${year}`;

/** Prefer the programme's vintage, then the newest vintage, then a whole year over a half year over a range. */
export function observationRank(o: Pick<ObservationRow, 'period' | 'vintage'>, vintage: number): number {
  const shape = o.period.includes('-') ? 0 : /H[12]$/.test(o.period) ? 1 : 2;
  return (o.vintage === vintage ? 1e6 : 0) + o.vintage * 10 + shape;
}

/**
 * CBS reuses codes for redrawn areas: a row from another vintage counts only when the code names
 * the same area there as in `vintage` (isSameArea, decision 0101). Per indicator × area × year the best-ranked row
 * wins; of equal rank the first one.
 */
export function chooseObservations<
  T extends Pick<ObservationRow, 'indicator_id' | 'area_code' | 'year' | 'vintage' | 'period'>,
>(rows: readonly T[], vintage: number, nameOf: NameOf): Map<string, T> {
  const chosen = new Map<string, T>();
  for (const row of rows) {
    if (row.vintage !== vintage) {
      const here = nameOf(row.area_code, vintage);
      const there = nameOf(row.area_code, row.vintage);
      if (here === undefined || there === undefined) continue;
      if (!isSameArea({ code: row.area_code, name: here }, { code: row.area_code, name: there })) continue;
    }
    const key = observationKey(row.indicator_id, row.area_code, row.year);
    const seen = chosen.get(key);
    if (!seen || observationRank(row, vintage) > observationRank(seen, vintage)) chosen.set(key, row);
  }
  return chosen;
}

/** nameOf over area rows of any vintages. */
export function namesOf(areas: readonly { code: string; vintage: number; name: string }[]): NameOf {
  const names = new Map(areas.map((a) => [`${a.code}|${a.vintage}`, a.name]));
  return (code, vintage) => names.get(`${code}|${vintage}`);
}
