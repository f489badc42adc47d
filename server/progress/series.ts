// A disclosed series with the rounding interval of each year. Pure: no database, no Express.
import type { DisclosedObservation } from '../disclosure/applyDisclosure.ts';
import type { AggregationInfo, ValueInterval, ValuePoint } from './types.ts';
import { valueInterval } from './uncertainty.ts';

export interface Series {
  observations: DisclosedObservation[];
  /** Rounding interval of each year's disclosed value. */
  intervals: Map<number, ValueInterval | null>;
  aggregation: AggregationInfo | null;
}

/** The series' disclosed value in `year` with its interval, or null when it has none. */
export function pointIn(series: Series, year: number): ValuePoint | null {
  const o = series.observations.find((x) => x.year === year);
  if (!o || o.value == null) return null;
  return { year, value: o.value, interval: series.intervals.get(year) ?? null };
}

export function intervalsOf(
  observations: readonly DisclosedObservation[],
  scale: number,
): Map<number, ValueInterval | null> {
  return new Map(observations.map((o) => [o.year, intervalOf(o, scale)]));
}

export function intervalOf(o: DisclosedObservation, scale: number): ValueInterval | null {
  if (o.suppressed) return null;
  return valueInterval(o, scale);
}
