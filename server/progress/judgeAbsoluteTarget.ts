// Absolute target ("13,5%"): Open SDG's method 2, R = d · CAGR_obs / |CAGR_req|.
import { emptyInputs, judgement, missingData, polarityD } from './baseJudgement.ts';
import { cagr } from './cagr.ts';
import { nl, pct } from './formatNl.ts';
import {
  RATIO_THRESHOLDS,
  SCORE_MAX,
  STATUS_LABELS,
  scoreFromRatio,
  statusFromProgressValue,
  thresholdText,
  ZERO_REPLACEMENT,
} from './progressThresholds.ts';
import type { JudgeInput, ProgressJudgement } from './types.ts';
import { judgeWithUncertainty } from './uncertainty.ts';

/** The judgement at the central (published) values; rounding intervals are ignored here. */
export function absoluteJudgement(input: JudgeInput): ProgressJudgement {
  const thresholds = RATIO_THRESHOLDS;
  const inputs = emptyInputs('absoluut', input);
  const lines: string[] = [
    'Methode: absolute streefwaarde (Open SDG / Statistics Canada, groeivoet-verhouding R).',
  ];
  const fail = (reason: string, expectedValue: number | null = null) =>
    judgement('absoluut', input, thresholds, {
      status: 'onvoldoende_gegevens',
      score: null,
      inputs,
      explanation: [...lines, reason],
      expectedValue,
    });

  const { target, baseline, current } = input;
  if (target.targetValue == null) return fail('Geen streefwaarde ingevuld.');
  const targetValue = target.targetValue;
  if (!baseline) return fail(missingData(input) ?? '');

  // A neutral indicator takes its desired direction from the target itself.
  const d = polarityD(target.polarity) ?? (targetValue >= baseline.value ? 1 : -1);
  inputs.d = d;
  lines.push(
    `${d === 1 ? 'Hoger is beter' : 'Lager is beter'} (d = ${d === 1 ? '+1' : '−1'}). Basiswaarde ${baseline.year}: ${nl(baseline.value)}; streefwaarde ${target.targetYear}: ${nl(targetValue)}.`,
  );

  const base = baseline.value === 0 ? ZERO_REPLACEMENT : baseline.value;
  const goal = targetValue === 0 ? ZERO_REPLACEMENT : targetValue;
  inputs.baselineValueUsed = base;
  inputs.targetValueUsed = goal;
  if (baseline.value === 0) {
    lines.push(
      `De basiswaarde is 0; zoals Open SDG rekenen we met ${nl(ZERO_REPLACEMENT)} zodat de groeivoet bestaat.`,
    );
  }
  if (targetValue === 0) {
    lines.push(`De streefwaarde is 0; zoals Open SDG rekenen we met ${nl(ZERO_REPLACEMENT)}.`);
  }

  const years = target.targetYear - baseline.year;
  const validPath = years > 0 && goal / base > 0;
  const cagrRequired = validPath ? cagr(goal, base, target.targetYear, baseline.year) : null;
  inputs.cagrRequired = cagrRequired;
  const expectedAt = (year: number) =>
    cagrRequired == null
      ? null
      : base * (1 + cagrRequired) ** (Math.min(year, target.targetYear) - baseline.year);

  const missing = missingData(input);
  if (missing || !current) return fail(missing ?? '');
  const expectedValue = expectedAt(current.year);
  lines.push(`Huidige waarde ${current.year}: ${nl(current.value)}.`);

  const achieved = d === 1 ? current.value >= targetValue : current.value <= targetValue;
  const metAtBaseline = d === 1 ? baseline.value >= targetValue : baseline.value <= targetValue;
  const shareOfWay =
    targetValue === baseline.value ? null : (current.value - baseline.value) / (targetValue - baseline.value);
  const parts = { inputs, shareOfWay, expectedValue };

  if (achieved) {
    lines.push(
      `De huidige waarde is op of voorbij de streefwaarde: ${STATUS_LABELS.behaald.toLowerCase()}, score 5.`,
    );
    fillGrowth();
    return judgement('absoluut', input, thresholds, {
      ...parts,
      status: 'behaald',
      score: SCORE_MAX,
      explanation: lines,
    });
  }
  if (metAtBaseline) {
    lines.push(
      'De streefwaarde was in het basisjaar al gehaald en is dat nu niet meer: verslechtering. Een groeivoet-verhouding bestaat hier niet, dus geen score.',
    );
    return judgement('absoluut', input, thresholds, {
      ...parts,
      status: 'verslechtering',
      score: null,
      explanation: lines,
    });
  }
  if ((base > 0 && current.value < 0) || (base < 0 && current.value > 0)) {
    return fail(
      'De waarde is van teken gewisseld sinds het basisjaar; een groeivoet is dan niet te berekenen (Open SDG geeft hier geen status).',
      expectedValue,
    );
  }
  if (cagrRequired == null) {
    return fail(
      'Basiswaarde en streefwaarde hebben een verschillend teken, of het doeljaar ligt niet na het basisjaar.',
    );
  }
  if (cagrRequired === 0) return fail('Streefwaarde gelijk aan de basiswaarde: geen vereiste groei.');

  const sign = base < 0 ? -1 : 1;
  inputs.sign = sign;
  const cagrObserved = cagr(current.value, base, current.year, baseline.year);
  inputs.cagrObserved = cagrObserved;
  const ratio = (sign * d * cagrObserved) / Math.abs(cagrRequired);
  // Extreme magnitudes (e.g. a base near 0) can overflow the growth rates.
  if (!Number.isFinite(ratio))
    return fail('De groeivoeten zijn niet te berekenen (waarden te dicht bij 0 of te groot).');
  inputs.progressValue = ratio;
  const status = statusFromProgressValue(ratio, thresholds);
  const score = scoreFromRatio(ratio);

  lines.push(
    `Waargenomen groeivoet CAGR_obs = (${nl(current.value)} / ${nl(base)})^(1/${current.year - baseline.year}) − 1 = ${pct(cagrObserved)} per jaar.`,
    `Vereiste groeivoet CAGR_req = (${nl(goal)} / ${nl(base)})^(1/${years}) − 1 = ${pct(cagrRequired)} per jaar.`,
    `R = ${sign === -1 ? '−' : ''}d · CAGR_obs / |CAGR_req| = ${nl(ratio)} → ${STATUS_LABELS[status].toLowerCase()} (${thresholdText(thresholds, status, 'R')}).`,
    ratio >= thresholds.med
      ? `Score = min(7,1429 · R − 4,2857; 5) = ${nl(score, 2)}.`
      : `Score = max(4,1667 · R − 2,5; −5) = ${nl(score, 2)}.`,
    `Het vereiste pad (vaste groeivoet van basiswaarde naar streefwaarde) verwacht in ${current.year}: ${nl(expectedValue)}.`,
  );
  if (shareOfWay != null)
    lines.push(`Afgelegd deel van de weg naar de streefwaarde: ${nl(shareOfWay * 100, 1)}%.`);
  return judgement('absoluut', input, thresholds, { ...parts, status, score, explanation: lines });

  // For "behaald" the growth figures are still shown on the card when they exist.
  function fillGrowth() {
    if (!current || !baseline || cagrRequired == null || cagrRequired === 0) return;
    if ((base > 0 && current.value < 0) || (base < 0 && current.value > 0)) return;
    const sign = base < 0 ? -1 : 1;
    inputs.sign = sign;
    inputs.cagrObserved = cagr(current.value, base, current.year, baseline.year);
    inputs.progressValue = (sign * (d as number) * inputs.cagrObserved) / Math.abs(cagrRequired);
  }
}

/** Absolute target, with rounding intervals: "onzeker" when their ends disagree. */
export function judgeAbsoluteTarget(input: JudgeInput): ProgressJudgement {
  return judgeWithUncertainty(absoluteJudgement, input);
}
