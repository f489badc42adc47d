import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../schemas/zod.ts';
import { geodataDir } from '../config.ts';

/**
 * Which boundary set (indeling) figures of a period are drawn in. CBS redrew GM1916's buurten
 * in 2019 (29 → 43 buurten, 12 → 13 wijken); the 2022 geometry is the one valid for 2019–2024.
 * There is ONE table of this, geodata/kwb-columns.json `boundaryVintageByYear`, which the KWB
 * importer files observations by; the map layers read the same table through the same function,
 * so a period is always drawn in the indeling its figures were imported in.
 */

/** Year → boundary vintage, as in geodata/kwb-columns.json `boundaryVintageByYear`. */
export const boundaryVintageTableSchema = z.record(z.string().regex(/^\d{4}$/), z.number().int());
export type BoundaryVintageTable = z.infer<typeof boundaryVintageTableSchema>;

let cached: BoundaryVintageTable | undefined;

function readBoundaryVintageTable(): BoundaryVintageTable {
  cached ??= z
    .object({ boundaryVintageByYear: boundaryVintageTableSchema })
    .parse(JSON.parse(readFileSync(path.join(geodataDir, 'kwb-columns.json'), 'utf8'))).boundaryVintageByYear;
  return cached;
}

/**
 * The boundary vintage (indeling) a year's regions belong to: the table's entry, and years after
 * the last entry use the newest vintage. Undefined before the first year.
 */
export function boundaryVintageForYear(
  year: number,
  table: BoundaryVintageTable = readBoundaryVintageTable(),
): number | undefined {
  const exact = table[String(year)];
  if (exact !== undefined) return exact;
  const years = Object.keys(table)
    .map(Number)
    .sort((a, b) => a - b);
  const last = years.at(-1);
  if (last !== undefined && year > last) return table[String(last)];
  return undefined;
}

/** The year a period ends in: "2022" → 2022, "2017-2021" → 2021, half year "2019H1" → 2019. */
export function yearOfPeriod(period: string): number {
  const parts = period.split('-');
  return Number(parts[parts.length - 1]!.replace(/H[12]$/, ''));
}

export function vintageForYear(year: number): number {
  const vintage = boundaryVintageForYear(year);
  if (vintage !== undefined) return vintage;
  // Before the first year in the table: the oldest indeling we have is the best guess.
  return Math.min(...Object.values(readBoundaryVintageTable()));
}

export const vintageForPeriod = (period: string): number => vintageForYear(yearOfPeriod(period));

/**
 * The same table as year ranges, for the API: consecutive years with one vintage become one range;
 * the first range is open towards the past, the last towards the future (as vintageForYear reads it).
 */
export function vintageRanges(): { vanJaar: number | null; totEnMetJaar: number | null; indeling: number }[] {
  const entries = Object.entries(readBoundaryVintageTable())
    .map(([year, vintage]) => [Number(year), vintage] as const)
    .sort((a, b) => a[0] - b[0]);
  const ranges: { vanJaar: number | null; totEnMetJaar: number | null; indeling: number }[] = [];
  for (const [year, vintage] of entries) {
    const last = ranges.at(-1);
    if (last && last.indeling === vintage) last.totEnMetJaar = year;
    else ranges.push({ vanJaar: year, totEnMetJaar: year, indeling: vintage });
  }
  if (ranges.length > 0) {
    // Before the first year: the oldest indeling (vintageForYear's fallback); after the last: the newest.
    const oldest = Math.min(...ranges.map((r) => r.indeling));
    if (ranges[0]!.indeling === oldest) ranges[0]!.vanJaar = null;
    else ranges.unshift({ vanJaar: null, totEnMetJaar: ranges[0]!.vanJaar! - 1, indeling: oldest });
    ranges.at(-1)!.totEnMetJaar = null;
  }
  return ranges;
}
