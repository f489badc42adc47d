// One horizon of a target over its series: a judgement per year after the baseline, and the one
// shown (the latest judgeable year, saying why a later year is not it). Pure: no database, no Express.
import { SUPPRESSED_LABEL } from '../disclosure/applyDisclosure.ts';
import type { BaselineChoice } from './baselineChoice.ts';
import { judgeTarget } from './judgeTarget.ts';
import { pointIn, type Series } from './series.ts';
import type { HorizonProgress, ProgressJudgement, TargetSpec, TargetSummary, ValuePoint } from './types.ts';

export interface HorizonInput {
  spec: TargetSpec;
  summary: TargetSummary;
  baseline: BaselineChoice;
  series: Series;
  /** referentieniveau only: the reference area's series; otherwise null. */
  reference: Series | null;
}

export function judgeHorizon({ spec, summary, baseline, series, reference }: HorizonInput): HorizonProgress {
  const judgeAt = (current: ValuePoint | null, missingReason: string | null = null): ProgressJudgement =>
    withNote(
      baseline.note,
      judgeTarget({
        target: spec,
        baseline: baseline.point,
        current,
        referenceBaseline: reference && baseline.point ? pointIn(reference, baseline.point.year) : null,
        referenceCurrent: reference && current ? pointIn(reference, current.year) : null,
        missingReason,
      }),
    );
  const history = series.observations
    .filter((o) => o.value != null && baseline.point != null && o.year > baseline.point.year)
    .map((o) => judgeAt(pointIn(series, o.year)));
  const last = series.observations.at(-1);
  // A reference-level target is judged on the latest year in which both the area and the
  // reference area have a value: a newer buurt year without a reference value waits for it.
  const latestWithReference = reference
    ? history.findLast((j) => j.year != null && pointIn(reference, j.year) != null)
    : undefined;
  const newestOwn = history.at(-1);
  let latestJudged = latestWithReference ?? newestOwn;
  if (reference && latestWithReference && newestOwn && newestOwn.year !== latestWithReference.year) {
    latestJudged = {
      ...latestWithReference,
      explanation: [
        ...latestWithReference.explanation,
        `Het referentiegebied heeft nog geen waarde voor ${newestOwn.year}; beoordeeld is ${latestWithReference.year}, het laatste jaar met een waarde van beide gebieden.`,
      ],
    };
  }
  let judgement = latestJudged ?? judgeAt(null, last?.suppressed ? SUPPRESSED_LABEL : null);
  // Say on the card why a later year is not the one judged.
  if (latestJudged && last && last.year > (latestJudged.year ?? 0) && last.value == null) {
    const why = last.suppressed ? SUPPRESSED_LABEL : 'onbekend';
    judgement = {
      ...latestJudged,
      explanation: [
        ...latestJudged.explanation,
        `De waarde van ${last.year} is ${why}; beoordeeld is ${latestJudged.year}, het laatste jaar met een publiceerbare waarde.`,
      ],
    };
  }
  return { target: summary, judgement, history };
}

function withNote(note: string | null, j: ProgressJudgement): ProgressJudgement {
  return note ? { ...j, explanation: [note, ...j.explanation] } : j;
}
