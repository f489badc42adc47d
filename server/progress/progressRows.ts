// The rows the progress loaders hand to the pure rules: only the columns the rules read, picked
// from the table types so each column is typed once (server/db/Database.ts). Types only: this file
// is the one place in the rules that names the tables (see .dependency-cruiser.cjs).
import type { Area, Indicator, Observation, Programme, Target } from '../db/Database.ts';

export type ProgrammeRow = Pick<
  Programme,
  | 'id'
  | 'name'
  | 'gemeente_code'
  | 'start_year'
  | 'horizon_years'
  | 'vintage'
  | 'reference_area_code'
  | 'source_document'
>;

export type TargetRow = Omit<Target, 'updated_at' | 'decision_reference' | 'decision_date'>;

export type IndicatorRow = Pick<
  Indicator,
  | 'id'
  | 'name'
  | 'unit'
  | 'polarity'
  | 'decimals'
  | 'source'
  | 'numerator_label'
  | 'denominator_label'
  | 'min_denominator'
  | 'min_count'
>;

export type AreaRow = Pick<Area, 'code' | 'vintage' | 'name' | 'level' | 'parent_code'>;

export interface MemberRow {
  area_code: string;
  member_code: string;
  vintage: number;
}

/** An observation as stored, before disclosure. */
export type ObservationRow = Omit<Observation, 'id' | 'flags' | 'import_id' | 'updated_at'>;

/** A whole-year value of a related or monitoring series, as the "verwante reeks" and "Volgen" read it. */
export type SeriesValueRow = Pick<
  Observation,
  | 'indicator_id'
  | 'area_code'
  | 'vintage'
  | 'period'
  | 'year'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'confidential'
  | 'withheld'
  | 'source'
  | 'interval_low'
  | 'interval_high'
>;

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
