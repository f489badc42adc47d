// Rounded figures lie in an interval. The status is judged at every combination of interval ends
// (baseline, current, reference values); when the best and worst readings disagree the status is
// "onzeker" and both readings are returned.
import { nl } from './formatNl.ts';
import { STATUS_LABELS, STATUS_RANK } from './progressThresholds.ts';
import type { JudgeInput, ProgressJudgement, ProgressReading, ValueInterval, ValuePoint } from './types.ts';

export interface RoundedFigures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The value was published rounded to this step (1 → ±0,5). */
  valueRounding: number | null;
  /** Numerator and denominator were published rounded to this base (CBS: 10 → ±5). */
  countRounding: number | null;
  /** A published 95% interval (survey figures); judged like rounding: the value lies in it. */
  intervalLow?: number | null;
  intervalHigh?: number | null;
}

/**
 * The interval the true value lies in, or null when the figures are exact. With both kinds of
 * rounding both constraints hold, so the interval is their intersection.
 * `scale` turns numerator / denominator into the value's unit (100 for a percentage) when the
 * figures themselves do not tell.
 */
export function valueInterval(figures: RoundedFigures, scale = 100): ValueInterval | null {
  const { value, numerator, denominator, valueRounding, countRounding } = figures;
  if (value == null) return null;
  let fromValue: ValueInterval | null = null;
  if (valueRounding != null && valueRounding > 0) {
    const h = valueRounding / 2;
    fromValue = {
      low: numerator != null && value >= 0 ? Math.max(value - h, 0) : value - h,
      high: value + h,
      reason: `waarde gepubliceerd afgerond op ${nl(valueRounding)} (±${nl(h)})`,
    };
  }
  let fromCounts: ValueInterval | null = null;
  if (countRounding != null && countRounding > 0 && numerator != null) {
    const h = countRounding / 2;
    const reason = `aantallen afgerond op ${nl(countRounding)}-tallen (±${nl(h)})`;
    if (denominator == null) {
      // A count indicator: the value is the count itself.
      if (value === numerator) fromCounts = { low: Math.max(value - h, 0), high: value + h, reason };
    } else if (denominator > 0) {
      const unit = numerator > 0 ? value / (numerator / denominator) : scale;
      const low = Math.max(numerator - h, 0) / (denominator + h);
      // A share cannot exceed the whole.
      const high = denominator - h > 0 ? Math.min((numerator + h) / (denominator - h), 1) : 1;
      fromCounts = { low: low * unit, high: high * unit, reason };
    }
  }
  const { intervalLow, intervalHigh } = figures;
  if (intervalLow != null && intervalHigh != null && intervalLow <= value && value <= intervalHigh) {
    // The confidence interval is the wider statement; rounding inside it changes nothing.
    const rounding = fromValue ?? fromCounts;
    return {
      low: Math.min(intervalLow, rounding?.low ?? intervalLow),
      high: Math.max(intervalHigh, rounding?.high ?? intervalHigh),
      reason: `95%-betrouwbaarheidsinterval ${nl(intervalLow)}–${nl(intervalHigh)} (enquête)`,
    };
  }
  if (fromValue && fromCounts) {
    const low = Math.max(fromValue.low, fromCounts.low);
    const high = Math.min(fromValue.high, fromCounts.high);
    if (low <= high) return { low, high, reason: `${fromValue.reason}; ${fromCounts.reason}` };
    return fromValue;
  }
  return fromValue ?? fromCounts;
}

type PointKey = 'baseline' | 'current' | 'referenceBaseline' | 'referenceCurrent';
const POINT_KEYS: PointKey[] = ['baseline', 'current', 'referenceBaseline', 'referenceCurrent'];
const POINT_NAMES: Record<PointKey, string> = {
  baseline: 'De basiswaarde',
  current: 'De huidige waarde',
  referenceBaseline: 'De waarde van het referentiegebied in het basisjaar',
  referenceCurrent: 'De huidige waarde van het referentiegebied',
};

function better(a: ProgressReading, b: ProgressReading): boolean {
  const rank = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (rank !== 0) return rank > 0;
  return (a.score ?? Number.NEGATIVE_INFINITY) > (b.score ?? Number.NEGATIVE_INFINITY);
}

function reading(j: ProgressJudgement): ProgressReading {
  return { status: j.status, statusLabel: j.statusLabel, score: j.score, inputs: j.inputs };
}

/** Runs `judge` at the published values and at every corner of the rounding intervals. */
export function judgeWithUncertainty(
  judge: (input: JudgeInput) => ProgressJudgement,
  input: JudgeInput,
): ProgressJudgement {
  const central = judge(input);
  const uncertain = POINT_KEYS.filter((key) => {
    const p = input[key];
    return p?.interval != null && p.interval.high > p.interval.low;
  });
  if (uncertain.length === 0) return central;

  const intervals: Record<string, ValueInterval> = {};
  for (const key of uncertain)
    intervals[`${key}Value`] = (input[key] as ValuePoint).interval as ValueInterval;

  let favourable = reading(central);
  let unfavourable = favourable;
  for (let mask = 0; mask < 1 << uncertain.length; mask++) {
    const corner: JudgeInput = { ...input };
    uncertain.forEach((key, i) => {
      const p = input[key] as ValuePoint;
      const interval = p.interval as ValueInterval;
      corner[key] = { year: p.year, value: mask & (1 << i) ? interval.high : interval.low, interval: null };
    });
    const r = reading(judge(corner));
    if (better(r, favourable)) favourable = r;
    if (better(unfavourable, r)) unfavourable = r;
  }

  const intervalLines = uncertain.map((key) => {
    const i = (input[key] as ValuePoint).interval as ValueInterval;
    return `${POINT_NAMES[key]} ligt tussen ${nl(i.low)} en ${nl(i.high)} (${i.reason}).`;
  });
  const uncertainty = { favourable, unfavourable, intervals };
  if (favourable.status === unfavourable.status) {
    return {
      ...central,
      uncertainty,
      explanation: [
        ...central.explanation,
        ...intervalLines,
        `Aan beide uiteinden van het interval is de status dezelfde: ${STATUS_LABELS[central.status].toLowerCase()}.`,
      ],
    };
  }
  return {
    ...central,
    status: 'onzeker',
    statusLabel: STATUS_LABELS.onzeker,
    score: null,
    uncertainty,
    explanation: [
      ...central.explanation,
      ...intervalLines,
      `Gunstigste lezing: ${favourable.statusLabel.toLowerCase()}${favourable.score == null ? '' : ` (score ${nl(favourable.score, 2)})`}; ongunstigste lezing: ${unfavourable.statusLabel.toLowerCase()}${unfavourable.score == null ? '' : ` (score ${nl(unfavourable.score, 2)})`}.`,
      'De afronding laat beide toe: de status is onzeker.',
    ],
  };
}
