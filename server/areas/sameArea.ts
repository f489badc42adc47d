/**
 * The one "same area in another vintage" rule (decision 0101). CBS reuses codes for redrawn
 * areas (BU19160600 was all of De Heuvel in 2017, only "De Heuvel zuid" from 2020), so a code
 * alone does not make a series: the figures of another vintage belong to this area only when the
 * code names the same area there — the same code with the same name.
 */
export function isSameArea(
  here: { code: string; name: string },
  there: { code: string; name: string },
): boolean {
  return here.code === there.code && here.name === there.name;
}

/** The vintages in which this area's code names this same area, its own vintage included, oldest first. */
export function sameAreaVintages(
  here: { code: string; name: string; vintage: number },
  versions: Array<{ code: string; name: string; vintage: number }>,
): number[] {
  const vintages = versions.filter((there) => isSameArea(here, there)).map((there) => there.vintage);
  return [...new Set([here.vintage, ...vintages])].sort((a, b) => a - b);
}
