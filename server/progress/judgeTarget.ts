// The engine's entry point: one judgement for a target × area × year, by kind.
import { judgeAbsoluteTarget } from './judgeAbsoluteTarget.ts';
import { judgeDirectionTarget } from './judgeDirectionTarget.ts';
import { judgeReferenceLevelTarget } from './judgeReferenceLevelTarget.ts';
import type { JudgeInput, ProgressJudgement } from './types.ts';

export function judgeTarget(input: JudgeInput): ProgressJudgement {
  switch (input.target.kind) {
    case 'absoluut':
      return judgeAbsoluteTarget(input);
    case 'richting':
      return judgeDirectionTarget(input);
    case 'referentieniveau':
      return judgeReferenceLevelTarget(input);
  }
}
