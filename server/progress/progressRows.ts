// The rows the progress loaders hand to the pure rules: only the columns the rules read, so the
// rules need no database types (progressRepository.ts selects exactly these).
import type { AreaLevel, Polarity, TargetKind } from '../../schemas/enums.ts';

export interface ProgrammeRow {
  id: string;
  name: string;
  gemeente_code: string;
  start_year: number;
  horizon_years: number;
  vintage: number;
  reference_area_code: string;
  source_document: string | null;
}

export interface TargetRow {
  id: number;
  programme_id: string;
  indicator_id: string;
  area_code: string;
  horizon: number;
  target_year: number;
  kind: TargetKind;
  target_value: number | null;
  reference_area_code: string | null;
  direction: 'toename' | 'afname' | null;
  baseline_year: number | null;
  baseline_value: number | null;
  baseline_numerator: number | null;
  baseline_source: 'plan' | 'waarnemingen';
  baseline_period_start: string | null;
  baseline_period_end: string | null;
  plan_text: string | null;
  note: string | null;
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  polarity: Polarity;
  decimals: number;
  source: string;
  numerator_label: string | null;
  denominator_label: string | null;
  min_denominator: number | null;
  min_count: number | null;
}

export interface AreaRow {
  code: string;
  vintage: number;
  name: string;
  level: AreaLevel;
  parent_code: string | null;
}

export interface MemberRow {
  area_code: string;
  member_code: string;
  vintage: number;
}

/** An observation as stored, before disclosure. */
export interface ObservationRow {
  indicator_id: string;
  area_code: string;
  vintage: number;
  period: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
  confidential: boolean;
  withheld: boolean;
  value_rounding: number | null;
  count_rounding: number | null;
  interval_low: number | null;
  interval_high: number | null;
  source: string;
}

/** A whole-year value of a related or monitoring series, as the "verwante reeks" and "Volgen" read it. */
export interface SeriesValueRow {
  indicator_id: string;
  area_code: string;
  vintage: number;
  period: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  confidential: boolean;
  source: string;
  interval_low: number | null;
  interval_high: number | null;
}

export interface ProgrammeAreaRow {
  programme_id: string;
  area_code: string;
  label: string | null;
  role: string;
  sort_order: number;
}

export interface ProgrammeIndicatorRow {
  programme_id: string;
  indicator_id: string;
  related_indicator_id: string | null;
  label: string | null;
  level: string | null;
  role: 'resultaat' | 'monitoring';
  sort_order: number;
}
