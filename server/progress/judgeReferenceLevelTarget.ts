// Reference-level target ("6% LV"): close the gap to the reference area's value in the same year,
// at least as fast as time passes. The plan's fixed number is judged as a second, absolute reading.
import { emptyInputs, judgement, missingData, polarityD } from './baseJudgement.ts';
import { nl } from './formatNl.ts';
import { absoluteJudgement } from './judgeAbsoluteTarget.ts';
import {
  GAP_THRESHOLDS,
  SCORE_MAX,
  STATUS_LABELS,
  scoreFromRatio,
  statusFromProgressValue,
  thresholdText,
} from './progressThresholds.ts';
import type { JudgeInput, ProgressJudgement } from './types.ts';
import { judgeWithUncertainty } from './uncertainty.ts';

/** The moving-gap judgement at the central values (no planReading, no intervals). */
export function referenceLevelJudgement(input: JudgeInput): ProgressJudgement {
  const thresholds = GAP_THRESHOLDS;
  const inputs = emptyInputs('referentieniveau', input);
  const lines: string[] = [
    'Methode: referentieniveau — de afstand tot het referentiegebied in hetzelfde jaar moet minstens zo snel kleiner worden als de tijd verstrijkt.',
  ];
  const fail = (reason: string) =>
    judgement('referentieniveau', input, thresholds, {
      status: 'onvoldoende_gegevens',
      score: null,
      inputs,
      explanation: [...lines, reason],
    });

  const { target, baseline, current, referenceBaseline, referenceCurrent } = input;
  const missing = missingData(input);
  if (missing || !baseline || !current) return fail(missing ?? '');
  if (!referenceBaseline)
    return fail(`Geen waarde van het referentiegebied in het basisjaar ${baseline.year}.`);
  if (!referenceCurrent) return fail(`Geen waarde van het referentiegebied in ${current.year}.`);
  if (target.targetYear <= baseline.year) return fail('Het doeljaar ligt niet na het basisjaar.');

  // Neutral indicator: the desired direction is towards the reference.
  const d = polarityD(target.polarity) ?? (referenceBaseline.value >= baseline.value ? 1 : -1);
  inputs.d = d;
  // Gap in the undesired direction: positive while the area is worse than the reference.
  const g0 = d * (referenceBaseline.value - baseline.value);
  const gt = d * (referenceCurrent.value - current.value);
  const elapsed = (current.year - baseline.year) / (target.targetYear - baseline.year);
  inputs.gapBaseline = g0;
  inputs.gapCurrent = gt;
  inputs.elapsedShare = elapsed;
  const expectedValue = referenceCurrent.value - d * g0 * (1 - Math.min(elapsed, 1));

  lines.push(
    `${d === 1 ? 'Hoger is beter' : 'Lager is beter'} (d = ${d === 1 ? '+1' : '−1'}).`,
    `Basisjaar ${baseline.year}: gebied ${nl(baseline.value)}, referentiegebied ${nl(referenceBaseline.value)} → achterstand g0 = ${nl(g0)}.`,
    `${current.year}: gebied ${nl(current.value)}, referentiegebied ${nl(referenceCurrent.value)} → achterstand gt = ${nl(gt)}.`,
    `Verstreken tijd (t − t0) / (T − t0) = (${current.year} − ${baseline.year}) / (${target.targetYear} − ${baseline.year}) = ${nl(elapsed)}.`,
  );

  if (gt <= 0) {
    lines.push('Er is geen achterstand meer op het referentiegebied: behaald, score 5.');
    const closure = g0 > 0 ? (g0 - gt) / g0 : null;
    inputs.closure = closure;
    inputs.progressValue = closure == null ? null : closure / elapsed;
    return judgement('referentieniveau', input, thresholds, {
      status: 'behaald',
      score: SCORE_MAX,
      inputs,
      explanation: lines,
      shareOfWay: closure,
      expectedValue,
    });
  }
  if (g0 <= 0) {
    lines.push(
      'In het basisjaar was het referentieniveau al gehaald; nu is er een achterstand: verslechtering. Een sluitingsverhouding bestaat hier niet, dus geen score.',
    );
    return judgement('referentieniveau', input, thresholds, {
      status: 'verslechtering',
      score: null,
      inputs,
      explanation: lines,
      expectedValue,
    });
  }
  const closure = (g0 - gt) / g0;
  const ratio = closure / elapsed;
  if (!Number.isFinite(ratio)) return fail('De verhouding is niet te berekenen (waarden te extreem).');
  inputs.closure = closure;
  inputs.progressValue = ratio;
  const status = statusFromProgressValue(ratio, thresholds);
  const score = scoreFromRatio(ratio);
  lines.push(
    `Gesloten deel van de achterstand (g0 − gt) / g0 = ${nl(closure)}.`,
    `Verhouding = ${nl(closure)} / ${nl(elapsed)} = ${nl(ratio)} → ${STATUS_LABELS[status].toLowerCase()} (${thresholdText(thresholds, status, 'verhouding')}).`,
    ratio >= thresholds.med
      ? `Score = min(7,1429 · verhouding − 4,2857; 5) = ${nl(score, 2)}.`
      : `Score = max(4,1667 · verhouding − 2,5; −5) = ${nl(score, 2)}.`,
    `Bij gelijkmatig sluiten van de achterstand hoort in ${current.year} de waarde ${nl(expectedValue)}.`,
  );
  return judgement('referentieniveau', input, thresholds, {
    status,
    score,
    inputs,
    explanation: lines,
    shareOfWay: closure,
    expectedValue,
  });
}

/** Reference level with rounding intervals, plus the plan's fixed number as an absolute reading. */
export function judgeReferenceLevelTarget(input: JudgeInput): ProgressJudgement {
  const moving = judgeWithUncertainty(referenceLevelJudgement, input);
  const planReading =
    input.target.targetValue == null
      ? null
      : judgeWithUncertainty(absoluteJudgement, { ...input, target: { ...input.target, kind: 'absoluut' } });
  if (planReading) {
    planReading.explanation.unshift(
      `Tweede lezing: het vaste getal uit het plan (${nl(input.target.targetValue)}) als absolute streefwaarde.`,
    );
  }
  return { ...moving, planReading };
}
