import type { Db } from '../db/createDatabase.ts';
import { getProgrammeProgress } from '../progress/progressService.ts';
import { STATUS_LABELS } from '../progress/progressThresholds.ts';
import type { ProgressJudgement, TargetSummary } from '../progress/types.ts';

export interface TargetForRow {
  programmeId: string;
  target: TargetSummary;
  baselineYear: number | null;
  baselineValue: number | null;
  judgement: ProgressJudgement | null;
  /** The row is the baseline year itself: there is a target but nothing to compare yet. */
  isBaseline: boolean;
}

/** The targets an export row gets: one per horizon (10 before 20), none when the area has no target. */
export type TargetLookup = (
  indicatorId: string,
  areaCode: string,
  vintage: number,
  year: number,
) => TargetForRow[];

/** On a baseline row the status is defined: one measurement, nothing to judge yet. */
export const BASELINE_STATUS = {
  status: 'onvoldoende_gegevens',
  statusLabel: `${STATUS_LABELS.onvoldoende_gegevens}: basisjaar, nog geen latere meting`,
} as const;

interface Entry {
  base: Omit<TargetForRow, 'judgement' | 'isBaseline'>;
  judgements: Map<number, ProgressJudgement>;
}

/**
 * The targets of the given programmes (of one horizon, or of both when `horizon` is null) with the
 * judgement of every year, read once before the export streams (a programme has dozens of targets,
 * not millions), looked up per row. An area × indicator in two programmes takes the first
 * programme's targets (programmes in the order given), as the map layers do.
 */
export async function loadTargetLookup(
  db: Db,
  programmeIds: readonly string[],
  horizon: number | null,
): Promise<TargetLookup> {
  const byKey = new Map<string, Entry[]>();
  for (const programmeId of programmeIds) {
    const progress = await getProgrammeProgress(db, programmeId);
    const added = new Set<string>();
    for (const target of progress?.targets ?? []) {
      // A target is set on an area of the programme's indeling; the same code in another indeling is another area.
      const key = `${target.indicator.id}\u0000${target.area.code}\u0000${target.area.vintage}`;
      if (byKey.has(key) && !added.has(key)) continue;
      added.add(key);
      for (const horizonProgress of target.horizons) {
        if (horizon != null && horizonProgress.target.horizon !== horizon) continue;
        const entries = byKey.get(key) ?? [];
        entries.push({
          base: {
            programmeId,
            target: horizonProgress.target,
            baselineYear: target.baseline?.year ?? null,
            baselineValue: target.baseline?.value ?? null,
          },
          judgements: new Map(
            horizonProgress.history.filter((j) => j.year != null).map((j) => [j.year as number, j] as const),
          ),
        });
        entries.sort((a, b) => a.base.target.horizon - b.base.target.horizon);
        byKey.set(key, entries);
      }
    }
  }
  return (indicatorId, areaCode, vintage, year) =>
    (byKey.get(`${indicatorId}\u0000${areaCode}\u0000${vintage}`) ?? []).map((entry) => ({
      ...entry.base,
      judgement: entry.judgements.get(year) ?? null,
      isBaseline: entry.base.baselineYear === year,
    }));
}
