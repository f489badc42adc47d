// The CSV export's rows for programme areas: their members' figures added up by the one rule the
// profile, progress and the map use (programmeAreaSumsLoader.ts → sumMemberCounts.ts), with the
// rule's `bron` ("Berekend: som van 5 buurten (…)"). A handful of areas, so they are computed before
// the stream starts and merged into it at their places in the export's key order.
import type { Db } from '../db/createDatabase.ts';
import type { ObservationFilters } from '../observations/observationsRepository.ts';
import { loadProgrammeAreaSums } from '../progress/programmeAreaSumsLoader.ts';
import { findKeyOrder, findProgrammeAreasToExport } from './exportsRepository.ts';
import type { ExportObservation } from './observationRowsInOrder.ts';

export interface ProgrammeAreaRows {
  /** In the export's key order: indicator, area, vintage, period. */
  rows: ExportObservation[];
  /** That order, as the database sorts. */
  compare: (a: ExportObservation, b: ExportObservation) => number;
}

/** The summed rows the filters select, or null when they select none. */
export async function loadProgrammeAreaRows(
  db: Db,
  filters: ObservationFilters,
): Promise<ProgrammeAreaRows | null> {
  const areas = await findProgrammeAreasToExport(db, filters);
  if (areas.length === 0) return null;
  const periods = filters.periode ? new Set(filters.periode) : null;
  const rows: ExportObservation[] = [];
  for (const vintage of new Set(areas.map((area) => area.vintage))) {
    const ofVintage = areas.filter((area) => area.vintage === vintage);
    const sums = await loadProgrammeAreaSums(
      db,
      vintage,
      ofVintage.map((area) => area.code),
      filters.indicator ? { indicatorIds: filters.indicator } : {},
    );
    for (const area of ofVintage) {
      for (const { indicatorId, series } of sums.get(area.code) ?? []) {
        for (const o of series) {
          if (periods && !periods.has(o.period)) continue;
          rows.push({
            indicator_id: indicatorId,
            area_code: area.code,
            area_name: area.name,
            level: 'programmagebied',
            vintage,
            period: o.period,
            year: o.year,
            value: o.value,
            numerator: o.numerator,
            denominator: o.denominator,
            provisional: o.provisional,
            confidential: false,
            // Disclosed by the rule already; a total it withheld stays withheld when the CSV discloses.
            withheld: o.suppressed != null,
            value_rounding: o.valueRounding,
            count_rounding: o.countRounding,
            source: o.source,
            flags: null,
            interval_low: o.intervalLow ?? null,
            interval_high: o.intervalHigh ?? null,
          });
        }
      }
    }
  }
  if (rows.length === 0) return null;
  const compare = keyComparator(await findKeyOrder(db));
  return { rows: rows.sort(compare), compare };
}

/**
 * Compares as the export's ORDER BY does: indicator and area by the database's order of them,
 * vintage as a number, period as text (every period starts with its four-digit year, and a summed
 * period is only that year, so this agrees with any collation).
 */
function keyComparator(order: { indicatorIds: string[]; areaCodes: string[] }) {
  const rank = (values: string[]) => new Map(values.map((value, i) => [value, i]));
  const indicatorRank = rank(order.indicatorIds);
  const areaRank = rank(order.areaCodes);
  const byRank = (ranks: Map<string, number>, a: string, b: string) => {
    if (a === b) return 0;
    const ra = ranks.get(a);
    const rb = ranks.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    return a < b ? -1 : 1;
  };
  return (a: ExportObservation, b: ExportObservation) =>
    byRank(indicatorRank, a.indicator_id, b.indicator_id) ||
    byRank(areaRank, a.area_code, b.area_code) ||
    a.vintage - b.vintage ||
    (a.period === b.period ? 0 : a.period < b.period ? -1 : 1);
}

/**
 * The stored rows with the summed rows in their places. A figure stored for the programme area
 * itself (same indicator, vintage and period) wins over the sum, as on the profile.
 */
export async function* withProgrammeAreaRows(
  batches: AsyncIterable<ExportObservation[]>,
  summed: ProgrammeAreaRows | null,
): AsyncGenerator<ExportObservation[]> {
  if (!summed) {
    yield* batches;
    return;
  }
  const { rows, compare } = summed;
  let next = 0;
  for await (const batch of batches) {
    const merged: ExportObservation[] = [];
    for (const row of batch) {
      while (next < rows.length && compare(rows[next]!, row) < 0) merged.push(rows[next++]!);
      if (next < rows.length && compare(rows[next]!, row) === 0) next++;
      merged.push(row);
    }
    yield merged;
  }
  if (next < rows.length) yield rows.slice(next);
}
