/**
 * Which boundary set (indeling) figures of a period are drawn in. CBS redrew GM1916's buurten
 * between 2017 and 2020 (29 → 43 buurten); the 2022 geometry is the one valid for 2020–2024.
 * This is the ONE place that maps periods to indelingen; the importers follow the same idea.
 * Add a row when a new wijk- en buurtkaart with a changed indeling is loaded.
 */
export const BOUNDARY_VINTAGES: ReadonlyArray<{ vintage: number; fromYear: number }> = [
  { vintage: 2017, fromYear: Number.NEGATIVE_INFINITY },
  { vintage: 2022, fromYear: 2020 },
];

/** The year a period ends in: "2022" → 2022, "2017-2021" → 2021. */
export function yearOfPeriod(period: string): number {
  const parts = period.split('-');
  return Number(parts[parts.length - 1]);
}

export function vintageForYear(year: number): number {
  let chosen = BOUNDARY_VINTAGES[0]!.vintage;
  for (const row of BOUNDARY_VINTAGES) if (year >= row.fromYear) chosen = row.vintage;
  return chosen;
}

export const vintageForPeriod = (period: string): number => vintageForYear(yearOfPeriod(period));
