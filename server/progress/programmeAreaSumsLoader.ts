// Reads what sumMemberCounts needs for one or more programme areas: four queries, however many
// areas. The one place that sums a programme area's members: the profile (getAreaProgress), the CSV
// export (exports/programmeAreaRows.ts) and the map layer (maplayers/programmeAreaLayerValues.ts).
import type { Db } from '../db/createDatabase.ts';
import { findAreasByCode, findIndicators, findMembers, findObservations } from './progressRepository.ts';
import { type MemberSum, sumMemberCounts } from './sumMemberCounts.ts';

export type { MemberSum };

export interface ProgrammeAreaSumsOptions {
  /** Only these indicators (default: every indicator that can be added up). */
  indicatorIds?: readonly string[];
}

/**
 * Per programme area code (of `vintage`): its members' figures added up, per indicator, every
 * year in which every member has a disclosed figure. Codes without members map to [].
 */
export async function loadProgrammeAreaSums(
  db: Db,
  vintage: number,
  codes: readonly string[],
  options: ProgrammeAreaSumsOptions = {},
): Promise<Map<string, MemberSum[]>> {
  const result = new Map<string, MemberSum[]>(codes.map((c) => [c, []]));
  const members = await findMembers(db, codes, [vintage]);
  const memberCodes = [...new Set(members.map((m) => m.member_code))];
  if (memberCodes.length === 0) return result;
  const [indicators, memberAreas, observations] = await Promise.all([
    findIndicators(db),
    findAreasByCode(db, memberCodes),
    findObservations(db, {
      areaCodes: memberCodes,
      ...(options.indicatorIds ? { indicatorIds: options.indicatorIds } : {}),
    }),
  ]);
  const wanted = options.indicatorIds ? new Set(options.indicatorIds) : null;
  for (const code of codes) {
    const own = members.filter((m) => m.area_code === code).map((m) => m.member_code);
    const ownSet = new Set(own);
    result.set(
      code,
      sumMemberCounts({
        code,
        vintage,
        memberCodes: own,
        indicators: wanted ? indicators.filter((i) => wanted.has(i.id)) : indicators,
        memberAreas: memberAreas.filter((a) => ownSet.has(a.code)),
        observations: observations.filter((o) => ownSet.has(o.area_code)),
      }),
    );
  }
  return result;
}
