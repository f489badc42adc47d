// Shared scaffolding of the three judges: the inputs record and the "not enough data" result.
import { STATUS_LABELS } from './progressThresholds.ts';
import type {
  JudgeInput,
  ProgressInputs,
  ProgressJudgement,
  ProgressMethod,
  ProgressStatus,
  ThresholdSet,
} from './types.ts';

/** d = +1 when higher is better, −1 when lower is better; null for a neutral indicator. */
export function polarityD(polarity: JudgeInput['target']['polarity']): 1 | -1 | null {
  if (polarity === 'hoger_is_beter') return 1;
  if (polarity === 'lager_is_beter') return -1;
  return null;
}

export function emptyInputs(method: ProgressMethod, input: JudgeInput): ProgressInputs {
  return {
    method,
    d: null,
    sign: null,
    baselineYear: input.baseline?.year ?? null,
    baselineValue: input.baseline?.value ?? null,
    baselineValueUsed: null,
    currentYear: input.current?.year ?? null,
    currentValue: input.current?.value ?? null,
    targetYear: input.target.targetYear,
    targetValue: input.target.targetValue,
    targetValueUsed: null,
    cagrObserved: null,
    cagrRequired: null,
    referenceAreaBaselineValue: input.referenceBaseline?.value ?? null,
    referenceAreaCurrentValue: input.referenceCurrent?.value ?? null,
    gapBaseline: null,
    gapCurrent: null,
    closure: null,
    elapsedShare: null,
    progressValue: null,
  };
}

export function judgement(
  method: ProgressMethod,
  input: JudgeInput,
  thresholds: ThresholdSet,
  parts: {
    status: ProgressStatus;
    score: number | null;
    inputs: ProgressInputs;
    explanation: string[];
    shareOfWay?: number | null;
    expectedValue?: number | null;
  },
): ProgressJudgement {
  return {
    method,
    horizon: input.target.horizon,
    year: input.current?.year ?? null,
    status: parts.status,
    statusLabel: STATUS_LABELS[parts.status],
    score: parts.score,
    shareOfWay: parts.shareOfWay ?? null,
    expectedValue: parts.expectedValue ?? null,
    inputs: parts.inputs,
    thresholds,
    explanation: parts.explanation,
    uncertainty: null,
    planReading: null,
  };
}

/** The guards every method shares: a baseline, a current value, and a later year than the baseline. */
export function missingData(input: JudgeInput): string | null {
  if (!input.baseline) return 'Geen basiswaarde: de voortgang is niet te berekenen.';
  if (!input.current) {
    return input.missingReason
      ? `Geen waarde om te beoordelen (${input.missingReason}).`
      : 'Geen recente waarde na het basisjaar: er is maar één meetpunt.';
  }
  if (input.current.year <= input.baseline.year) {
    return `Er is maar één meetpunt (${input.baseline.year}); er zijn er minstens twee nodig (basisjaar en een later jaar).`;
  }
  return null;
}
