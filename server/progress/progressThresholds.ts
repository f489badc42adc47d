// The one place for the thresholds, score formulas and Dutch status labels of the progress measure
// (Open SDG / Statistics Canada, open-sdg/sdg-build sdg/ProgressMeasure.py).
import type { MapStatus, ProgressStatus, ThresholdSet } from './types.ts';

/** Absolute target: R = d · CAGR_obs / |CAGR_req|. */
export const RATIO_THRESHOLDS: ThresholdSet = {
  measure: 'R = d · CAGR_obs / |CAGR_req|',
  high: 0.95,
  med: 0.6,
  low: 0,
};

/** Reference level: share of the gap closed over share of the time elapsed; same cut-offs as R. */
export const GAP_THRESHOLDS: ThresholdSet = {
  measure: 'verhouding = ((g0 − gt) / g0) / ((t − t0) / (T − t0))',
  high: 0.95,
  med: 0.6,
  low: 0,
};

/** Direction target: v = d · CAGR_obs. */
export const GROWTH_THRESHOLDS: ThresholdSet = {
  measure: 'v = d · CAGR_obs',
  high: 0.015,
  med: 0.005,
  low: 0,
};

/** Open SDG replaces a base value (or target) of exactly 0 by this, so the growth rate exists. */
export const ZERO_REPLACEMENT = 0.001;

export const SCORE_MAX = 5;
export const SCORE_MIN = -5;

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  behaald: 'Behaald',
  op_schema: 'Op schema',
  versnelling_nodig: 'Vooruitgang, maar versnelling nodig',
  beperkte_vooruitgang: 'Beperkte vooruitgang',
  verslechtering: 'Verslechtering',
  onzeker: 'Onzeker',
  onvoldoende_gegevens: 'Onvoldoende gegevens',
};

export const MAP_STATUS_LABELS: Record<MapStatus, string> = {
  ...STATUS_LABELS,
  geen_streefwaarde: 'Geen streefwaarde',
};

/** Order from best to worst, to pick the most and least favourable end of an interval. */
export const STATUS_RANK: Record<ProgressStatus, number> = {
  behaald: 6,
  op_schema: 5,
  versnelling_nodig: 4,
  beperkte_vooruitgang: 3,
  verslechtering: 2,
  onzeker: 1,
  onvoldoende_gegevens: 0,
};

/** The status a progress value earns against a threshold set (target not achieved). */
export function statusFromProgressValue(
  value: number,
  thresholds: ThresholdSet,
): 'op_schema' | 'versnelling_nodig' | 'beperkte_vooruitgang' | 'verslechtering' {
  if (value >= thresholds.high) return 'op_schema';
  if (value >= thresholds.med) return 'versnelling_nodig';
  if (value >= thresholds.low) return 'beperkte_vooruitgang';
  return 'verslechtering';
}

/** Open SDG's score for a ratio (absolute target, and reference level): 0,95 → 2,5; 0,6 → 0; 0 → −2,5. */
export function scoreFromRatio(ratio: number): number {
  if (ratio >= RATIO_THRESHOLDS.med) return Math.min(7.1429 * ratio - 4.2857, SCORE_MAX);
  return Math.max(4.1667 * ratio - 2.5, SCORE_MIN);
}

/** Open SDG's score for a growth rate (direction target): 0,015 → 2,5; 0,005 → 0; 0 → −2,5. */
export function scoreFromGrowth(v: number): number {
  const { high, med, low } = GROWTH_THRESHOLDS;
  if (v < low) return Math.max(125 * v - 2.5, SCORE_MIN);
  if (v >= high) return Math.min(500 * v - 5, SCORE_MAX);
  if (v >= med) return 250 * v - 1.25;
  return 500 * v - 2.5;
}

export function thresholdText(thresholds: ThresholdSet, status: ProgressStatus, symbol: string): string {
  const f = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 3 });
  switch (status) {
    case 'op_schema':
      return `${symbol} ≥ ${f(thresholds.high)}`;
    case 'versnelling_nodig':
      return `${f(thresholds.med)} ≤ ${symbol} < ${f(thresholds.high)}`;
    case 'beperkte_vooruitgang':
      return `${f(thresholds.low)} ≤ ${symbol} < ${f(thresholds.med)}`;
    case 'verslechtering':
      return `${symbol} < ${f(thresholds.low)}`;
    default:
      return '';
  }
}
