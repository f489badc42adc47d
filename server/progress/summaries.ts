// The summaries of rows that the progress answers carry. Pure: no database, no Express.
import type { AreaRow, IndicatorRow, ProgrammeRow, TargetRow } from './progressRows.ts';
import type { AreaSummary, IndicatorSummary, ProgrammeSummary, TargetSummary } from './types.ts';

export function programmeSummary(p: ProgrammeRow): ProgrammeSummary {
  return {
    id: p.id,
    name: p.name,
    gemeenteCode: p.gemeente_code,
    startYear: p.start_year,
    horizonYears: p.horizon_years,
    vintage: p.vintage,
    referenceAreaCode: p.reference_area_code,
    sourceDocument: p.source_document,
  };
}

export function areaSummary(a: Omit<AreaRow, 'parent_code'>, label: string | null): AreaSummary {
  return { code: a.code, vintage: a.vintage, name: a.name, level: a.level, label };
}

/** An area the database does not know in the programme's vintage: its code stands for its name. */
export function unknownAreaSummary(
  code: string,
  vintage: number,
  level: AreaSummary['level'],
  label: string | null,
): AreaSummary {
  return { code, vintage, name: code, level, label };
}

export function indicatorSummary(i: IndicatorRow): IndicatorSummary {
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    polarity: i.polarity,
    decimals: i.decimals,
    source: i.source,
    numeratorLabel: i.numerator_label,
    denominatorLabel: i.denominator_label,
    minDenominator: i.min_denominator,
    minCount: i.min_count,
  };
}

export function targetSummary(t: TargetRow): TargetSummary {
  return {
    id: t.id,
    programmeId: t.programme_id,
    horizon: t.horizon,
    targetYear: t.target_year,
    kind: t.kind,
    targetValue: t.target_value,
    referenceAreaCode: t.reference_area_code,
    direction: t.direction,
    planText: t.plan_text,
    note: t.note,
  };
}
