// The shapes the progress engine and service return. The API builds its zod response schemas from
// these and the client's "hoe berekend" card reads them; change them only together with both.
import type { AreaLevel, MapStatus, Polarity, ProgressStatus, TargetKind } from '../../schemas/enums.ts';
import type { DisclosedObservation, SuppressionReason } from '../disclosure/applyDisclosure.ts';

/** Status of one target × area × year (schemas/enums.ts). Labels live in progressThresholds.ts. */
export type { DisclosedObservation, MapStatus, ProgressStatus, SuppressionReason };

/** The method is the target's kind. */
export type ProgressMethod = TargetKind;

/** The range a rounded value may lie in; `reason` in Dutch for the card. */
export interface ValueInterval {
  low: number;
  high: number;
  reason: string;
}

/** One value the engine works with: already disclosed, never a suppressed one. */
export interface ValuePoint {
  year: number;
  value: number;
  /** Present when the published value is rounded (value_rounding or count_rounding). */
  interval?: ValueInterval | null;
}

/** What the engine needs of a target; the service builds it from the targets and indicators rows. */
export interface TargetSpec {
  kind: TargetKind;
  horizon: number;
  targetYear: number;
  /** absoluut: the target; referentieniveau: the plan's fixed number (second reading); richting: null. */
  targetValue: number | null;
  /** richting: toename / afname; otherwise null (the indicator's polarity decides). */
  direction: 'toename' | 'afname' | null;
  polarity: Polarity;
}

export interface JudgeInput {
  target: TargetSpec;
  baseline: ValuePoint | null;
  /** The value of the year being judged; null when there is none (or it was suppressed). */
  current: ValuePoint | null;
  /** referentieniveau: the reference area's value in the baseline year and in the current year. */
  referenceBaseline?: ValuePoint | null;
  referenceCurrent?: ValuePoint | null;
  /** Why `current` is null, e.g. "geheim / te klein", for the explanation. */
  missingReason?: string | null;
}

/** Thresholds of one method, as used (all in progressThresholds.ts). */
export interface ThresholdSet {
  /** What the thresholds are compared with, e.g. "R = d · CAGR_obs / |CAGR_req|". */
  measure: string;
  high: number;
  med: number;
  low: number;
}

/**
 * Every number a judgement used; null when not applicable to the method or not computable.
 * Flat on purpose: easy to put in a zod schema and a CSV row.
 */
export interface ProgressInputs {
  method: ProgressMethod;
  /** +1 higher is better, −1 lower is better. */
  d: 1 | -1 | null;
  /** −1 when the base value is negative (Open SDG's sign correction), else +1. */
  sign: 1 | -1 | null;
  baselineYear: number | null;
  baselineValue: number | null;
  /** The base value used in the growth formula (0 is replaced by 0,001 as Open SDG does). */
  baselineValueUsed: number | null;
  currentYear: number | null;
  currentValue: number | null;
  targetYear: number;
  targetValue: number | null;
  /** The target used in the growth formula (0 → 0,001). */
  targetValueUsed: number | null;
  cagrObserved: number | null;
  cagrRequired: number | null;
  referenceAreaBaselineValue: number | null;
  referenceAreaCurrentValue: number | null;
  /** Gap to the reference area in the undesired direction, at baseline and now. */
  gapBaseline: number | null;
  gapCurrent: number | null;
  /** (g0 − gt) / g0 */
  closure: number | null;
  /** (t − t0) / (T − t0) */
  elapsedShare: number | null;
  /** The number compared with the thresholds: R, v, or closure / elapsedShare. */
  progressValue: number | null;
}

/** One computation: the status at one set of input values. */
export interface ProgressReading {
  status: ProgressStatus;
  statusLabel: string;
  /** −5…+5; null when not computable (onvoldoende gegevens, onzeker, lost a target met at baseline). */
  score: number | null;
  inputs: ProgressInputs;
}

export interface UncertaintyReadings {
  /** The ends of the rounding intervals that are most and least favourable. */
  favourable: ProgressReading;
  unfavourable: ProgressReading;
  /** The intervals that were used, by input name (currentValue, baselineValue, …). */
  intervals: Record<string, ValueInterval>;
}

export interface ProgressJudgement extends ProgressReading {
  method: ProgressMethod;
  horizon: number;
  /** The year judged (the current value's year); null when there is no current value. */
  year: number | null;
  /** Share of the way from baseline to target (absolute), or gap closed (reference level). */
  shareOfWay: number | null;
  /** The value the required path (CAGR path baseline → target; linear gap closure) expects this year. */
  expectedValue: number | null;
  thresholds: ThresholdSet;
  /** Dutch lines for the "hoe berekend" card, in reading order. */
  explanation: string[];
  /** Present when rounding intervals were taken into account (also when both ends agree). */
  uncertainty: UncertaintyReadings | null;
  /** referentieniveau only: the plan's fixed number (e.g. 6 for "6% LV") read as an absolute target. */
  planReading: ProgressJudgement | null;
}

// ---- aggregation -------------------------------------------------------------------------------

export interface MemberCounts {
  areaCode: string;
  numerator: number | null;
  denominator: number | null;
  /** count_rounding base of this member's counts (CBS: 10), or null when exact. */
  countRounding?: number | null;
}

export interface AggregateResult {
  /** null when no aggregate could be made; `reason` says why (Dutch). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  interval: ValueInterval | null;
  memberCodes: string[];
  missingMembers: string[];
  reason: string | null;
}

// ---- service results ---------------------------------------------------------------------------

export interface IndicatorSummary {
  id: string;
  name: string;
  unit: string;
  polarity: Polarity;
  decimals: number;
  source: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  minDenominator: number | null;
  minCount: number | null;
}

export interface AreaSummary {
  code: string;
  vintage: number;
  name: string;
  level: AreaLevel;
  /** The name the plan uses, e.g. "Heuvel Noord", when known. */
  label: string | null;
}

export interface TargetSummary {
  id: number;
  programmeId: string;
  horizon: number;
  targetYear: number;
  kind: TargetKind;
  targetValue: number | null;
  referenceAreaCode: string | null;
  direction: 'toename' | 'afname' | null;
  planText: string | null;
  note: string | null;
}

export interface BaselineSummary {
  year: number;
  /** As the plan or the observation gives it (for a period longer than a year: its total). */
  value: number;
  numerator: number | null;
  source: 'plan' | 'waarnemingen';
  /** A baseline over more than a year: its months, its length and (for counts) the value per year. */
  period: { start: string; end: string; label: string; years: number; perYear: number | null } | null;
}

export interface HorizonProgress {
  target: TargetSummary;
  /** At the evaluation year: the latest year with a disclosed value (≤ the requested year). */
  judgement: ProgressJudgement;
  /** One judgement per year with a value after the baseline year, oldest first. */
  history: ProgressJudgement[];
}

export interface ReferenceSeries {
  area: AreaSummary;
  series: DisclosedObservation[];
}

/** Programme areas: how the series was aggregated from member counts. */
export interface AggregationInfo {
  memberCodes: string[];
  /** Per year: the aggregate, or why there is none. */
  years: Array<{ year: number } & AggregateResult>;
}

/** One indicator × area of a programme, with its 10- and 20-year targets. */
export interface TargetProgress {
  indicator: IndicatorSummary;
  area: AreaSummary;
  baseline: BaselineSummary | null;
  /** Disclosed observations, oldest first; for a programme area aggregated from member counts. */
  series: DisclosedObservation[];
  latest: DisclosedObservation | null;
  /** referentieniveau targets: the reference area's values per year. */
  reference: ReferenceSeries | null;
  aggregation: AggregationInfo | null;
  horizons: HorizonProgress[];
  /** While the target's own indicator has only its baseline: a real series of another definition. */
  related?: RelatedSeries | null;
}

/** "Verwante reeks": read as a direction, never as the target's status (docs/decisions/0063). */
export interface RelatedSeries {
  indicator: { id: string; name: string; unit: string; decimals: number; polarity: string };
  area: { code: string; name: string; level: string };
  /** How the area relates to the target's area. */
  basis: 'zelfde gebied' | 'wijk' | 'wijken van het programmagebied' | 'gemeente';
  points: { year: number; value: number }[];
  first: { year: number; value: number };
  last: { year: number; value: number };
  direction: 'gunstig' | 'ongunstig' | 'gelijk';
  reason: string;
  sources: string[];
  explanation: string;
}

export interface ProgrammeSummary {
  id: string;
  name: string;
  gemeenteCode: string;
  startYear: number;
  horizonYears: number;
  vintage: number;
  referenceAreaCode: string;
  sourceDocument: string | null;
}

export interface ProgrammeProgress {
  programme: ProgrammeSummary;
  /** The requested evaluation year, or null for "latest available". */
  year: number | null;
  targets: TargetProgress[];
  /** "Volgen": the plan's monitoring indicators without targets (docs/decisions/0064). */
  monitoring: MonitoringIndicator[];
}

export interface MonitoringPoint {
  year: number;
  value: number;
}

export interface MonitoringComparison {
  code: string;
  name: string;
  year: number;
  value: number;
}

export interface MonitoringArea {
  area: { code: string; name: string; level: string; label: string | null };
  first: MonitoringPoint | null;
  latest: MonitoringPoint | null;
  direction: 'gunstig' | 'ongunstig' | 'gelijk' | null;
  reason: string | null;
  district: MonitoringComparison | null;
  municipality: MonitoringComparison | null;
  country: MonitoringComparison | null;
}

export interface MonitoringIndicator {
  indicator: { id: string; name: string; unit: string; decimals: number; polarity: string; source: string };
  /** The plan's own wording of the indicator. */
  label: string | null;
  level: string | null;
  /** When the indicator has no figures of its own: the real series of another definition shown instead. */
  related: {
    id: string;
    name: string;
    unit: string;
    decimals: number;
    polarity: string;
    explanation: string;
  } | null;
  /** The sources of the figures shown (per value, as loaded). */
  sources: string[];
  /** Null when figures are shown; else "nog geen cijfers" with the source to load. */
  noFigures: string | null;
  areas: MonitoringArea[];
}

export interface GetProgrammeProgressOptions {
  /** Judge as of this year (values of later years are ignored). Default: latest available. */
  year?: number;
}

export interface GetAreaStatusesOptions {
  indicatorId: string;
  programmeId?: string;
  vintage: number;
  level: AreaLevel;
  /** Only areas of this gemeente; absent: every area of the level (every programme's targets). */
  gemeenteCode?: string | undefined;
  /** The map's period: the status judged on the value of exactly this year. */
  year: number;
  horizon: number;
}

/** One area's status on a map layer. */
export interface AreaProgress {
  areaCode: string;
  programmeId: string;
  targetId: number;
  horizon: number;
  targetYear: number;
  kind: TargetKind;
  status: ProgressStatus;
  statusLabel: string;
  score: number | null;
  judgement: ProgressJudgement;
}

/** Everything about one area for its profile page. */
export interface AreaProgressProfile {
  area: AreaSummary;
  /** Targets set on this area itself, per programme. */
  targets: Array<{ programme: ProgrammeSummary } & TargetProgress>;
  /** Targets on programme areas this area is a member of. */
  memberOf: Array<{ programme: ProgrammeSummary } & TargetProgress>;
  /**
   * Programme areas only: per indicator, the members' figures added up (counts summed, shares as
   * Σ teller / Σ noemer), for every year in which every member has a disclosed figure.
   */
  memberSums: Array<{ indicatorId: string; series: DisclosedObservation[] }>;
}
