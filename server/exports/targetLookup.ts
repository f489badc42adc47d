import type { Db } from '../db/createDatabase.ts';
import { getProgrammeProgress } from '../progress/progressService.ts';
import type { ProgressJudgement, TargetSummary } from '../progress/types.ts';

export interface TargetForRow {
  target: TargetSummary;
  baselineYear: number | null;
  baselineValue: number | null;
  judgement: ProgressJudgement | null;
}

export type TargetLookup = (
  indicatorId: string,
  areaCode: string,
  vintage: number,
  year: number,
) => TargetForRow | undefined;

/**
 * A programme's targets of one horizon with the judgement of every year, read once before the
 * export streams (a programme has dozens of targets, not millions), looked up per row.
 */
export async function loadTargetLookup(db: Db, programmeId: string, horizon: number): Promise<TargetLookup> {
  const progress = await getProgrammeProgress(db, programmeId);
  const byKey = new Map<
    string,
    { base: Omit<TargetForRow, 'judgement'>; judgements: Map<number, ProgressJudgement> }
  >();
  for (const target of progress?.targets ?? []) {
    const horizonProgress = target.horizons.find((h) => h.target.horizon === horizon);
    if (!horizonProgress) continue;
    // A target is set on an area of the programme's indeling; the same code in another indeling is another area.
    byKey.set(`${target.indicator.id}\u0000${target.area.code}\u0000${target.area.vintage}`, {
      base: {
        target: horizonProgress.target,
        baselineYear: target.baseline?.year ?? null,
        baselineValue: target.baseline?.value ?? null,
      },
      judgements: new Map(
        horizonProgress.history.filter((j) => j.year != null).map((j) => [j.year as number, j] as const),
      ),
    });
  }
  return (indicatorId, areaCode, vintage, year) => {
    const entry = byKey.get(`${indicatorId}\u0000${areaCode}\u0000${vintage}`);
    if (!entry) return undefined;
    return { ...entry.base, judgement: entry.judgements.get(year) ?? null };
  };
}
