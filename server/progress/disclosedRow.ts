// A stored observation as the engine sees it: disclosed (suppressed values emptied), camelCase.
import {
  type DisclosedObservation,
  type DisclosureRule,
  discloseObservation,
} from '../disclosure/applyDisclosure.ts';
import type { ObservationRow } from './progressRows.ts';

export function disclosedRow(rule: DisclosureRule, o: ObservationRow): DisclosedObservation {
  return discloseObservation(rule, {
    areaCode: o.area_code,
    vintage: o.vintage,
    period: o.period,
    year: o.year,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    provisional: o.provisional,
    confidential: o.confidential,
    withheld: o.withheld,
    valueRounding: o.value_rounding,
    countRounding: o.count_rounding,
    intervalLow: o.interval_low,
    intervalHigh: o.interval_high,
    source: o.source,
  });
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
