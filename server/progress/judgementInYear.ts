// A map layer's status: the judgement of exactly the map's year. Pure: no database, no Express.
import { SUPPRESSED_LABEL } from '../disclosure/applyDisclosure.ts';
import { judgeTarget } from './judgeTarget.ts';
import type { HorizonProgress, ProgressJudgement, TargetProgress } from './types.ts';

export function judgementInYear(tp: TargetProgress, h: HorizonProgress, year: number): ProgressJudgement {
  const exact = h.history.find((j) => j.year === year);
  if (exact) return exact;
  const obs = tp.series.find((o) => o.year === year);
  const reason = obs?.suppressed ? SUPPRESSED_LABEL : `geen waarde voor ${year}`;
  // Same target, no current value: the engine's own "onvoldoende gegevens" with the reason.
  return judgeTarget({
    target: {
      kind: h.target.kind,
      horizon: h.target.horizon,
      targetYear: h.target.targetYear,
      targetValue: h.target.targetValue,
      direction: h.target.direction,
      polarity: tp.indicator.polarity,
    },
    baseline: tp.baseline
      ? { year: tp.baseline.year, value: tp.baseline.period?.perYear ?? tp.baseline.value }
      : null,
    current: null,
    missingReason: reason,
  });
}
