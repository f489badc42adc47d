// Direction target ("toename beoogd"): Open SDG's method 1, v = d · CAGR_obs.
import { emptyInputs, judgement, missingData, polarityD } from './baseJudgement.ts';
import { cagr } from './cagr.ts';
import { nl, pct } from './formatNl.ts';
import {
  GROWTH_THRESHOLDS,
  STATUS_LABELS,
  scoreFromGrowth,
  statusFromProgressValue,
  thresholdText,
  ZERO_REPLACEMENT,
} from './progressThresholds.ts';
import type { JudgeInput, ProgressJudgement } from './types.ts';
import { judgeWithUncertainty } from './uncertainty.ts';

/** The judgement at the central (published) values; rounding intervals are ignored here. */
export function directionJudgement(input: JudgeInput): ProgressJudgement {
  const thresholds = GROWTH_THRESHOLDS;
  const inputs = emptyInputs('richting', input);
  const lines: string[] = [
    'Methode: richting (Open SDG / Statistics Canada, groeivoet zonder streefwaarde).',
  ];
  const fail = (reason: string) =>
    judgement('richting', input, thresholds, {
      status: 'onvoldoende_gegevens',
      score: null,
      inputs,
      explanation: [...lines, reason],
    });

  const { target, baseline, current } = input;
  // The target's own direction ("toename beoogd") wins over the indicator's polarity.
  const d =
    target.direction === 'toename' ? 1 : target.direction === 'afname' ? -1 : polarityD(target.polarity);
  if (d == null)
    return fail('Geen gewenste richting: de streefwaarde noemt er geen en de indicator is neutraal.');
  inputs.d = d;
  lines.push(`Gewenste richting: ${d === 1 ? 'toename' : 'afname'} (d = ${d === 1 ? '+1' : '−1'}).`);

  const missing = missingData(input);
  if (missing || !baseline || !current) return fail(missing ?? '');

  const base = baseline.value === 0 ? ZERO_REPLACEMENT : baseline.value;
  inputs.baselineValueUsed = base;
  lines.push(
    `Basiswaarde ${baseline.year}: ${nl(baseline.value)}; huidige waarde ${current.year}: ${nl(current.value)}.`,
  );
  if (baseline.value === 0) {
    lines.push(
      `De basiswaarde is 0; zoals Open SDG rekenen we met ${nl(ZERO_REPLACEMENT)} zodat de groeivoet bestaat.`,
    );
  }
  if ((base > 0 && current.value < 0) || (base < 0 && current.value > 0)) {
    return fail(
      'De waarde is van teken gewisseld sinds het basisjaar; een groeivoet is dan niet te berekenen.',
    );
  }

  const sign = base < 0 ? -1 : 1;
  inputs.sign = sign;
  const cagrObserved = cagr(current.value, base, current.year, baseline.year);
  inputs.cagrObserved = cagrObserved;
  const v = sign * d * cagrObserved;
  if (!Number.isFinite(v))
    return fail('De groeivoet is niet te berekenen (waarden te dicht bij 0 of te groot).');
  inputs.progressValue = v;
  const status = statusFromProgressValue(v, thresholds);
  const score = scoreFromGrowth(v);
  lines.push(
    `CAGR_obs = (${nl(current.value)} / ${nl(base)})^(1/${current.year - baseline.year}) − 1 = ${pct(cagrObserved)} per jaar.`,
    `v = d · CAGR_obs = ${pct(v)} → ${STATUS_LABELS[status].toLowerCase()} (${thresholdText(thresholds, status, 'v')}).`,
    `Score (Open SDG, methode 1) = ${nl(score, 2)}. Bij een richting is er geen "behaald" en geen vereist pad.`,
  );
  return judgement('richting', input, thresholds, { status, score, inputs, explanation: lines });
}

/** Direction target, with rounding intervals: "onzeker" when their ends disagree. */
export function judgeDirectionTarget(input: JudgeInput): ProgressJudgement {
  return judgeWithUncertainty(directionJudgement, input);
}
