import { boundaryVintageForKwbYear, readKwbColumnMap } from '../imports/kwb/kwbColumnMap.ts';

/**
 * Which boundary set (indeling) figures of a period are drawn in. CBS redrew GM1916's buurten
 * in 2019 (29 → 43 buurten, 12 → 13 wijken); the 2022 geometry is the one valid for 2019–2024.
 * There is ONE table of this, geodata/kwb-columns.json `boundaryVintageByYear`, which the KWB
 * importer files observations by; the map layers read the same table through the same function,
 * so a period is always drawn in the indeling its figures were imported in.
 */

/** The year a period ends in: "2022" → 2022, "2017-2021" → 2021, half year "2019H1" → 2019. */
export function yearOfPeriod(period: string): number {
  const parts = period.split('-');
  return Number(parts[parts.length - 1]!.replace(/H[12]$/, ''));
}

export function vintageForYear(year: number): number {
  const vintage = boundaryVintageForKwbYear(year);
  if (vintage !== undefined) return vintage;
  // Before the first year in the table: the oldest indeling we have is the best guess.
  return Math.min(...Object.values(readKwbColumnMap().boundaryVintageByYear));
}

export const vintageForPeriod = (period: string): number => vintageForYear(yearOfPeriod(period));
