// "Volgen": the plan's monitoring indicators (no targets) per focus area — the latest value beside
// wijk, gemeente and Nederland, and the trend since the first year. Pure: no database, no Express.
import { relatedDirection } from './relatedDirection.ts';
import type { MonitoringArea, MonitoringComparison, MonitoringPoint } from './types.ts';

export interface MonitoringPlace {
  code: string;
  name: string;
  level: string;
  label: string | null;
  /** The wijk this place lies in (buurten only). */
  wijk: { code: string; name: string } | null;
}

/** Disclosed whole-year values of one indicator, per area code. */
export type PointsByArea = ReadonlyMap<string, readonly MonitoringPoint[]>;

function sorted(points: readonly MonitoringPoint[] | undefined): MonitoringPoint[] {
  return [...(points ?? [])].sort((a, b) => a.year - b.year);
}

/** The comparison area's value in `year`, else its latest year (the year is always given). */
export function comparisonAt(
  code: string,
  name: string,
  points: readonly MonitoringPoint[] | undefined,
  year: number | null,
): MonitoringComparison | null {
  const list = sorted(points);
  if (list.length === 0) return null;
  const same = year == null ? undefined : list.find((p) => p.year === year);
  const chosen = same ?? list[list.length - 1]!;
  return { code, name, year: chosen.year, value: chosen.value };
}

/**
 * One row per focus area: first and latest value with their years, the direction between them
 * (by the indicator's polarity; see relatedDirection) and the comparison values.
 */
export function monitoringAreas(
  places: readonly MonitoringPlace[],
  points: PointsByArea,
  polarity: 'lager_is_beter' | 'hoger_is_beter' | 'neutraal',
  gemeente: { code: string; name: string },
  nederland: { code: string; name: string },
): MonitoringArea[] {
  return places.map((place) => {
    const own = sorted(points.get(place.code));
    const first = own[0] ?? null;
    const latest = own[own.length - 1] ?? null;
    const reading = relatedDirection(own, polarity);
    return {
      area: { code: place.code, name: place.name, level: place.level, label: place.label },
      first: first && { year: first.year, value: first.value },
      latest: latest && { year: latest.year, value: latest.value },
      direction: reading?.direction ?? null,
      reason: reading
        ? reading.reason
        : latest
          ? `alleen ${latest.year}: een trend vraagt minstens twee jaren`
          : null,
      district: place.wijk
        ? comparisonAt(place.wijk.code, place.wijk.name, points.get(place.wijk.code), latest?.year ?? null)
        : null,
      municipality: comparisonAt(
        gemeente.code,
        gemeente.name,
        points.get(gemeente.code),
        latest?.year ?? null,
      ),
      country: comparisonAt(nederland.code, nederland.name, points.get(nederland.code), latest?.year ?? null),
    };
  });
}
