// One indicator's series in one area, across vintages: the chosen observations disclosed, with the
// rounding interval of each year; a programme area's from its members (aggregateSeries.ts).
// Pure: no database, no Express.
import { disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { unitScale } from './aggregateFromCounts.ts';
import { aggregateSeries } from './aggregateSeries.ts';
import { disclosedRow } from './disclosedRow.ts';
import type { IndicatorRow, ObservationRow } from './progressRows.ts';
import { intervalsOf, type Series } from './series.ts';

export interface SeriesSource {
  vintage: number;
  /** The chosen observation per indicator × area × year (observationChoice.ts). */
  chosen: ReadonlyMap<string, ObservationRow>;
  /** Members of programme areas in `vintage`, in the order stored. */
  membersOf: ReadonlyMap<string, string[]>;
}

/** The series of `indicator` in area `code`; for a programme area Σ teller / Σ noemer of its members. */
export function areaSeries(source: SeriesSource, indicator: IndicatorRow, code: string): Series {
  const rule = disclosureRuleOf(indicator);
  const scale = unitScale(indicator.unit);
  const own = [...source.chosen.values()]
    .filter((o) => o.indicator_id === indicator.id && o.area_code === code)
    .sort((a, b) => a.year - b.year)
    .map((o) => disclosedRow(rule, o));
  const memberCodes = source.membersOf.get(code);
  if (!memberCodes || memberCodes.length === 0) {
    return { observations: own, intervals: intervalsOf(own, scale), aggregation: null };
  }
  return aggregateSeries({
    indicator,
    rule,
    code,
    vintage: source.vintage,
    memberCodes,
    own,
    memberSeries: (member) => areaSeries(source, indicator, member),
  });
}
