// A programme area's figures from its members, for every indicator that can be added up: counts
// summed, shares as Σ teller / Σ noemer, for each year in which every member has a disclosed figure.
// Pure: no database, no Express.
import {
  type DisclosedObservation,
  discloseObservation,
  disclosureRuleOf,
} from '../disclosure/applyDisclosure.ts';
import { aggregateFromCounts, unitScale } from './aggregateFromCounts.ts';
import { disclosedRow, unique } from './disclosedRow.ts';
import { chooseObservations, namesOf, observationKey } from './observationChoice.ts';
import type { IndicatorRow, ObservationRow } from './progressRows.ts';

export interface MemberSum {
  indicatorId: string;
  series: DisclosedObservation[];
}

export interface MemberCountsInput {
  /** The programme area and the vintage of its membership. */
  code: string;
  vintage: number;
  /** Its members in that vintage, in the order stored. */
  memberCodes: readonly string[];
  /** The indicators to sum, in the order the answer lists them. */
  indicators: readonly IndicatorRow[];
  /** The members' areas in every vintage (to tell a redrawn area from the same one). */
  memberAreas: readonly { code: string; vintage: number; name: string }[];
  /** The members' observations, oldest year first. */
  observations: readonly ObservationRow[];
}

export function sumMemberCounts(input: MemberCountsInput): MemberSum[] {
  const { code, vintage, memberCodes } = input;
  if (memberCodes.length === 0) return [];
  // As for targets: a row of another vintage counts only when the code names the same area there;
  // per indicator × member × year the programme's vintage, then the newest, wins.
  const chosen = chooseObservations(input.observations, vintage, namesOf(input.memberAreas));
  const result: MemberSum[] = [];
  for (const indicator of input.indicators) {
    const isCount = indicator.unit === 'aantal';
    const scale = unitScale(indicator.unit);
    if (!isCount && scale === 1) continue; // averages and densities cannot be added up
    const rule = disclosureRuleOf(indicator);
    const years = unique(
      [...chosen.values()].filter((o) => o.indicator_id === indicator.id).map((o) => o.year),
    ).sort((a, b) => a - b);
    const series: DisclosedObservation[] = [];
    for (const year of years) {
      const members = memberCodes.map((m) => {
        const o = chosen.get(observationKey(indicator.id, m, year));
        return o ? disclosedRow(rule, o) : null;
      });
      // Every member disclosed, or no total: a total minus the published members must never reveal one.
      if (members.some((o) => !o || o.suppressed || o.value == null)) continue;
      const present = members as DisclosedObservation[];
      let value: number | null;
      let numerator: number | null = null;
      let denominator: number | null = null;
      if (isCount) {
        value = present.reduce((sum, o) => sum + (o.value as number), 0);
      } else {
        const aggregate = aggregateFromCounts(
          present.map((o) => ({ areaCode: o.areaCode, numerator: o.numerator, denominator: o.denominator })),
          scale,
        );
        // A computed share is given at the indicator's precision, as the CSV gives computed targets.
        value = aggregate.value == null ? null : Number(aggregate.value.toFixed(indicator.decimals));
        numerator = aggregate.numerator;
        denominator = aggregate.denominator;
      }
      if (value == null) continue;
      series.push(
        discloseObservation(rule, {
          areaCode: code,
          vintage,
          period: String(year),
          year,
          value,
          numerator,
          denominator,
          provisional: present.some((o) => o.provisional),
          confidential: false,
          valueRounding: null,
          countRounding: present.some((o) => o.countRounding != null)
            ? Math.max(...present.map((o) => o.countRounding ?? 0))
            : null,
          source: `Berekend: ${isCount ? 'som' : 'som tellers / som noemers'} van ${memberCodes.length} buurten (${unique(present.map((o) => o.source)).join('; ')})`,
        }),
      );
    }
    if (series.length > 0) result.push({ indicatorId: indicator.id, series });
  }
  return result;
}
