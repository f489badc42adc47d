// Reads everything the progress rules need for a set of programmes and their targets, in batched
// queries: four, then two (plus two for related series and "Volgen"), however many targets,
// areas or programmes. The rules themselves (targetProgress.ts, relatedSeries.ts, monitoring.ts)
// are pure and get the rows through the *RowsOf functions below.
import type { Db } from '../db/createDatabase.ts';
import { type MonitoringRows, monitoringIndicatorIds } from './monitoring.ts';
import {
  findAreasByCode,
  findIndicators,
  findMembers,
  findObservations,
  findProgrammeAreaRows,
  findProgrammeIndicatorLinks,
} from './progressRepository.ts';
import type {
  AreaRow,
  IndicatorRow,
  MemberRow,
  ObservationRow,
  ProgrammeAreaRow,
  ProgrammeIndicatorRow,
  ProgrammeRow,
  TargetRow,
} from './progressRows.ts';
import { type RelatedSeriesRows, relatedIndicatorIds } from './relatedSeries.ts';
import { loadRelatedValues, type RelatedValues } from './relatedValuesLoader.ts';
import { codesNeeded, type ProgrammeRows } from './targetProgress.ts';

export interface ProgressRows {
  indicators: Map<string, IndicatorRow>;
  members: MemberRow[];
  areas: AreaRow[];
  programmeAreas: ProgrammeAreaRow[];
  links: ProgrammeIndicatorRow[];
  observations: ObservationRow[];
  related: RelatedValues;
}

export interface LoadProgressOptions {
  /** Leave out observations after this year; null: every year. */
  year: number | null;
  /** Also read the values of related series ("verwante reeks"). */
  related: boolean;
  /** Also read the values of the monitoring indicators ("Volgen"). */
  monitoring: boolean;
}

export async function loadProgressRows(
  db: Db,
  programmes: readonly ProgrammeRow[],
  targets: readonly TargetRow[],
  options: LoadProgressOptions,
): Promise<ProgressRows> {
  const ids = programmes.map((p) => p.id);
  const vintages = [...new Set(programmes.map((p) => p.vintage))];
  const targetCodes = [...new Set(targets.map((t) => t.area_code))];
  const [indicatorRows, members, programmeAreas, links] = await Promise.all([
    findIndicators(db),
    findMembers(db, targetCodes, vintages),
    findProgrammeAreaRows(db, ids),
    options.related || options.monitoring ? findProgrammeIndicatorLinks(db, ids) : Promise.resolve([]),
  ]);
  const codes = new Set<string>();
  for (const programme of programmes) {
    const own = targets.filter((t) => t.programme_id === programme.id);
    for (const code of codesNeeded(programme, own, members).codes) codes.add(code);
  }
  const seriesIds = [
    ...(options.related ? relatedIndicatorIds(links) : []),
    ...(options.monitoring ? monitoringIndicatorIds(links) : []),
  ];
  const [areas, observations, related] = await Promise.all([
    findAreasByCode(db, [...codes]),
    findObservations(db, {
      indicatorIds: [...new Set(targets.map((t) => t.indicator_id))],
      areaCodes: [...codes],
      upToYear: options.year,
    }),
    loadRelatedValues(db, vintages, seriesIds),
  ]);
  const indicators = new Map(indicatorRows.map((i) => [i.id, i]));
  return { indicators, members, areas, programmeAreas, links, observations, related };
}

export function programmeRowsOf(
  rows: ProgressRows,
  programme: ProgrammeRow,
  targets: readonly TargetRow[],
): ProgrammeRows {
  return {
    programme,
    targets,
    indicators: rows.indicators,
    areas: rows.areas,
    members: rows.members,
    labels: new Map(
      rows.programmeAreas
        .filter((pa) => pa.programme_id === programme.id)
        .map((pa) => [pa.area_code, pa.label]),
    ),
    observations: rows.observations,
  };
}

export function relatedRowsOf(rows: ProgressRows, programme: ProgrammeRow): RelatedSeriesRows {
  return {
    programme,
    links: rows.links.filter((l) => l.programme_id === programme.id),
    indicators: rows.indicators,
    areas: rows.related.areas,
    members: rows.members,
    values: rows.related.values,
  };
}

export function monitoringRowsOf(rows: ProgressRows, programme: ProgrammeRow): MonitoringRows {
  return {
    programme,
    links: rows.links.filter((l) => l.programme_id === programme.id),
    indicators: rows.indicators,
    programmeAreas: rows.programmeAreas.filter((pa) => pa.programme_id === programme.id),
    areas: rows.related.areas,
    values: rows.related.values,
  };
}
