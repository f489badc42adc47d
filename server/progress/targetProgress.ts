// Every target of one programme with its series and judgements, from rows already loaded
// (progressLoader.ts). Pure: no database, no Express.
import { areaSeries, type SeriesSource } from './areaSeries.ts';
import { chooseBaseline } from './baselineChoice.ts';
import { groupBy } from './disclosedRow.ts';
import { judgeHorizon } from './judgeHorizon.ts';
import { chooseObservations, namesOf } from './observationChoice.ts';
import type {
  AreaRow,
  IndicatorRow,
  MemberRow,
  ObservationRow,
  ProgrammeRow,
  TargetRow,
} from './progressRows.ts';
import { areaSummary, indicatorSummary, targetSummary, unknownAreaSummary } from './summaries.ts';
import type { BaselineSummary, HorizonProgress, TargetProgress, TargetSpec } from './types.ts';

export interface ProgrammeRows {
  programme: ProgrammeRow;
  /** The programme's targets, in id order. */
  targets: readonly TargetRow[];
  indicators: ReadonlyMap<string, IndicatorRow>;
  /** At least the target, reference and member areas, in every vintage. */
  areas: readonly AreaRow[];
  /** At least the members of the target areas in the programme's vintage, in the order stored. */
  members: readonly MemberRow[];
  /** The plan's names of its areas (programme_areas.label). */
  labels: ReadonlyMap<string, string | null>;
  /** At least the target indicators' observations of those areas, oldest year first. */
  observations: readonly ObservationRow[];
}

/** The area codes whose rows ProgrammeRows needs, given the members of the target areas. */
export function codesNeeded(
  programme: ProgrammeRow,
  targets: readonly TargetRow[],
  members: readonly MemberRow[],
) {
  const targetCodes = [...new Set(targets.map((t) => t.area_code))];
  const referenceCodes = targets
    .filter((t) => t.kind === 'referentieniveau')
    .map((t) => t.reference_area_code ?? programme.reference_area_code);
  const memberCodes = members
    .filter((m) => m.vintage === programme.vintage && targetCodes.includes(m.area_code))
    .map((m) => m.member_code);
  return { targetCodes, codes: [...new Set([...targetCodes, ...referenceCodes, ...memberCodes])] };
}

export function buildTargetProgress(rows: ProgrammeRows): TargetProgress[] {
  const { programme, targets, indicators, labels } = rows;
  if (targets.length === 0) return [];
  const vintage = programme.vintage;
  const targetCodes = new Set(targets.map((t) => t.area_code));
  const membersOf = new Map<string, string[]>();
  for (const m of rows.members) {
    if (m.vintage !== vintage || !targetCodes.has(m.area_code)) continue;
    membersOf.set(m.area_code, [...(membersOf.get(m.area_code) ?? []), m.member_code]);
  }
  const areaInVintage = new Map(rows.areas.filter((a) => a.vintage === vintage).map((a) => [a.code, a]));
  const source: SeriesSource = {
    vintage,
    chosen: chooseObservations(rows.observations, vintage, namesOf(rows.areas)),
    membersOf,
  };
  const labelOf = (code: string) => labels.get(code) ?? null;

  const result: TargetProgress[] = [];
  for (const group of groupBy(targets, (t) => `${t.indicator_id}|${t.area_code}`).values()) {
    const first = group[0] as TargetRow;
    const indicator = indicators.get(first.indicator_id);
    if (!indicator) continue;
    const area = areaInVintage.get(first.area_code);
    const series = areaSeries(source, indicator, first.area_code);
    const refTarget = group.find((t) => t.kind === 'referentieniveau');
    const refCode = refTarget ? (refTarget.reference_area_code ?? programme.reference_area_code) : null;
    const refArea = refCode ? areaInVintage.get(refCode) : undefined;
    const refSeries = refCode ? areaSeries(source, indicator, refCode) : null;
    const horizons: HorizonProgress[] = [];
    let baselineSummary: BaselineSummary | null = null;
    for (const target of [...group].sort((a, b) => a.horizon - b.horizon)) {
      const baseline = chooseBaseline(target, programme.start_year, series, indicator);
      baselineSummary ??= baseline.summary;
      const spec: TargetSpec = {
        kind: target.kind,
        horizon: target.horizon,
        targetYear: target.target_year,
        targetValue: target.target_value,
        direction: target.direction,
        polarity: indicator.polarity,
      };
      const reference = target.kind === 'referentieniveau' ? refSeries : null;
      horizons.push(judgeHorizon({ spec, summary: targetSummary(target), baseline, series, reference }));
    }
    result.push({
      indicator: indicatorSummary(indicator),
      area: area
        ? areaSummary(area, labelOf(area.code))
        : unknownAreaSummary(first.area_code, vintage, 'buurt', labelOf(first.area_code)),
      baseline: baselineSummary,
      series: series.observations,
      latest: series.observations.at(-1) ?? null,
      reference:
        refCode && refSeries
          ? {
              area: refArea
                ? areaSummary(refArea, labelOf(refArea.code))
                : unknownAreaSummary(refCode, vintage, 'gemeente', null),
              series: refSeries.observations,
            }
          : null,
      aggregation: series.aggregation,
      horizons,
    });
  }
  return result;
}
