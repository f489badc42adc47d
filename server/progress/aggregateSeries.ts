// The aggregation fallback of a programme area: per year Σ numerator / Σ denominator of its
// members; the area's own figure only where that fails. Pure: no database, no Express.
import {
  type DisclosedObservation,
  type DisclosureRule,
  discloseObservation,
} from '../disclosure/applyDisclosure.ts';
import { aggregateFromCounts, unitScale } from './aggregateFromCounts.ts';
import { unique } from './disclosedRow.ts';
import type { IndicatorRow } from './progressRows.ts';
import { intervalOf, type Series } from './series.ts';
import type { AggregationInfo, ValueInterval } from './types.ts';

export interface AggregateSeriesInput {
  indicator: Pick<IndicatorRow, 'unit'>;
  rule: DisclosureRule;
  code: string;
  vintage: number;
  memberCodes: string[];
  /** The programme area's own observations, used for the years the members cannot make a total. */
  own: DisclosedObservation[];
  memberSeries: (code: string) => Series;
}

export function aggregateSeries(input: AggregateSeriesInput): Series {
  const { rule, code, vintage, memberCodes, own } = input;
  const scale = unitScale(input.indicator.unit);
  const memberObs = memberCodes.map((c) => ({ code: c, series: input.memberSeries(c).observations }));
  const years = unique(memberObs.flatMap((m) => m.series.map((o) => o.year))).sort((a, b) => a - b);
  const info: AggregationInfo = { memberCodes, years: [] };
  const observations = new Map<number, DisclosedObservation>();
  const intervals = new Map<number, ValueInterval | null>();
  for (const o of own) {
    observations.set(o.year, o);
    intervals.set(o.year, intervalOf(o, scale));
  }
  for (const year of years) {
    const obs = memberObs.map((m) => ({ code: m.code, o: m.series.find((x) => x.year === year) }));
    // Members only ever contribute disclosed counts: a suppressed member blocks the total, so the
    // total minus the published members can never reveal it.
    const aggregate = aggregateFromCounts(
      obs.map(({ code: c, o }) => ({
        areaCode: c,
        numerator: o?.numerator ?? null,
        denominator: o?.denominator ?? null,
        countRounding: o?.countRounding ?? null,
      })),
      scale,
    );
    info.years.push({ year, ...aggregate });
    if (aggregate.value == null) continue;
    const present = obs.map((x) => x.o).filter((o): o is DisclosedObservation => o != null);
    const disclosed = discloseObservation(rule, {
      areaCode: code,
      vintage,
      period: String(year),
      year,
      value: aggregate.value,
      numerator: aggregate.numerator,
      denominator: aggregate.denominator,
      provisional: present.some((o) => o.provisional),
      confidential: false,
      valueRounding: null,
      countRounding: null,
      source: `Berekend: som tellers / som noemers van ${memberCodes.join(', ')} (${unique(present.map((o) => o.source)).join('; ')})`,
    });
    observations.set(year, disclosed);
    intervals.set(year, disclosed.suppressed ? null : aggregate.interval);
  }
  return {
    observations: [...observations.values()].sort((a, b) => a.year - b.year),
    intervals,
    aggregation: info,
  };
}
