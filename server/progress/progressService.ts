// The progress answers: each reads its rows with the batched loaders (progressLoader.ts,
// programmeAreaSumsLoader.ts) and hands them to the pure rules. The engine never sees a
// suppressed figure: observations are disclosed first (disclosedRow.ts), so a status can only be
// computed from values that may be published anyway.
import type { Db } from '../db/createDatabase.ts';
import { groupBy } from './disclosedRow.ts';
import { judgementInYear } from './judgementInYear.ts';
import { monitoringIndicators } from './monitoring.ts';
import { loadProgrammeAreaSums } from './programmeAreaSumsLoader.ts';
import { loadProgressRows, monitoringRowsOf, programmeRowsOf, relatedRowsOf } from './progressLoader.ts';
import {
  findArea,
  findProgramme,
  findProgrammes,
  findTargetsConcerningArea,
  findTargetsOfProgramme,
  findTargetsOnLayer,
} from './progressRepository.ts';
import { attachRelatedSeries } from './relatedSeries.ts';
import { areaSummary, programmeSummary } from './summaries.ts';
import { buildTargetProgress } from './targetProgress.ts';
import type {
  AreaProgress,
  AreaProgressProfile,
  GetAreaStatusesOptions,
  GetProgrammeProgressOptions,
  ProgrammeProgress,
} from './types.ts';

/** Every target of a programme with its series and judgements; null when the programme does not exist. */
export async function getProgrammeProgress(
  db: Db,
  programmeId: string,
  options: GetProgrammeProgressOptions = {},
): Promise<ProgrammeProgress | null> {
  const year = options.year ?? null;
  const [programme, targets] = await Promise.all([
    findProgramme(db, programmeId),
    findTargetsOfProgramme(db, programmeId),
  ]);
  if (!programme) return null;
  const rows = await loadProgressRows(db, [programme], targets, { year, related: true, monitoring: true });
  const progress = buildTargetProgress(programmeRowsOf(rows, programme, targets));
  return {
    programme: programmeSummary(programme),
    year,
    targets: attachRelatedSeries(relatedRowsOf(rows, programme), progress),
    monitoring: monitoringIndicators(monitoringRowsOf(rows, programme), year),
  };
}

/** For a map layer: area code → status, for areas with a target for that indicator and horizon. */
export async function getAreaStatuses(
  db: Db,
  options: GetAreaStatusesOptions,
): Promise<Map<string, AreaProgress>> {
  const result = new Map<string, AreaProgress>();
  // With several programmes on one area the first programme (by id) wins; pass programmeId to choose.
  const targets = await findTargetsOnLayer(db, options);
  if (targets.length === 0) return result;
  const byProgramme = groupBy(targets, (t) => t.programme_id);
  const programmes = new Map((await findProgrammes(db, [...byProgramme.keys()])).map((p) => [p.id, p]));
  const rows = await loadProgressRows(db, [...programmes.values()], targets, {
    year: options.year,
    related: false,
    monitoring: false,
  });
  for (const [programmeId, programmeTargets] of byProgramme) {
    const programme = programmes.get(programmeId);
    if (!programme) continue;
    for (const tp of buildTargetProgress(programmeRowsOf(rows, programme, programmeTargets))) {
      if (result.has(tp.area.code)) continue;
      const h = tp.horizons.find((x) => x.target.horizon === options.horizon);
      if (!h) continue;
      const judgement = judgementInYear(tp, h, options.year);
      result.set(tp.area.code, {
        areaCode: tp.area.code,
        programmeId,
        targetId: h.target.id,
        horizon: h.target.horizon,
        targetYear: h.target.targetYear,
        kind: h.target.kind,
        status: judgement.status,
        statusLabel: judgement.statusLabel,
        score: judgement.score,
        judgement,
      });
    }
  }
  return result;
}

/** Every target judgement that concerns one area; null when the area does not exist in that vintage. */
export async function getAreaProgress(
  db: Db,
  areaCode: string,
  vintage: number,
): Promise<AreaProgressProfile | null> {
  const [area, targets] = await Promise.all([
    findArea(db, areaCode, vintage),
    findTargetsConcerningArea(db, areaCode, vintage),
  ]);
  if (!area) return null;
  const byProgramme = groupBy(targets, (t) => t.programme_id);
  const [programmeRows, sums] = await Promise.all([
    findProgrammes(db, [...byProgramme.keys()]),
    area.level === 'programmagebied' ? loadProgrammeAreaSums(db, vintage, [areaCode]) : null,
  ]);
  const programmes = new Map(programmeRows.map((p) => [p.id, p]));
  const rows = await loadProgressRows(db, programmeRows, targets, {
    year: null,
    related: true,
    monitoring: false,
  });
  const profile: AreaProgressProfile = {
    area: areaSummary(area, null),
    targets: [],
    memberOf: [],
    memberSums: sums?.get(areaCode) ?? [],
  };
  for (const [programmeId, programmeTargets] of byProgramme) {
    const programme = programmes.get(programmeId);
    if (!programme) continue;
    const summary = programmeSummary(programme);
    const built = buildTargetProgress(programmeRowsOf(rows, programme, programmeTargets));
    for (const tp of attachRelatedSeries(relatedRowsOf(rows, programme), built)) {
      (tp.area.code === areaCode ? profile.targets : profile.memberOf).push({ programme: summary, ...tp });
    }
  }
  return profile;
}
