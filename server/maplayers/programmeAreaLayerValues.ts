// A programme area has (almost) no figures of its own: on a layer of level programmagebied its
// value is its members' figures added up, by the one rule the profile and progress use
// (programmeAreaSumsLoader.ts → sumMemberCounts.ts). A figure stored for the programme area itself
// in that period wins, as on the profile.
import type { Db } from '../db/createDatabase.ts';
import { loadProgrammeAreaSums } from '../progress/programmeAreaSumsLoader.ts';
import { findLayerValues, findLevelCodes, type LayerSelection } from './mapLayersRepository.ts';

type LayerRow = Awaited<ReturnType<typeof findLayerValues>>[number];

/** The layer's rows: stored figures, and for programme areas without one the summed figure. */
export async function layerValuesWithSums(db: Db, selection: LayerSelection): Promise<LayerRow[]> {
  const stored = await findLayerValues(db, selection);
  if (selection.level !== 'programmagebied') return stored;
  const codes = (await findLevelCodes(db, selection)).map((row) => row.code);
  const sums = await loadProgrammeAreaSums(db, selection.vintage, codes, {
    indicatorIds: [selection.indicatorId],
  });
  const haveStored = new Set(stored.map((row) => row.area_code));
  const summed: LayerRow[] = [];
  for (const code of codes) {
    if (haveStored.has(code)) continue;
    const sum = sums.get(code)?.find((s) => s.indicatorId === selection.indicatorId);
    const point = sum?.series.find((o) => o.period === selection.period);
    if (!point) continue;
    summed.push({
      area_code: code,
      value: point.value,
      numerator: point.numerator,
      denominator: point.denominator,
      confidential: false,
      // Already disclosed by the rule; a total it withheld stays withheld when the layer discloses again.
      withheld: point.suppressed != null,
    });
  }
  return [...stored, ...summed].sort((a, b) => (a.area_code < b.area_code ? -1 : 1));
}
