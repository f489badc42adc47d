// Compound annual growth rate, as Open SDG's growth_calculation.

/** (current / base)^(1 / (t − t0)) − 1. NaN when the ratio is negative or the years coincide. */
export function cagr(current: number, base: number, year: number, baseYear: number): number {
  return (current / base) ** (1 / (year - baseYear)) - 1;
}

/** The value the constant-growth path from (t0, base) to (T, target) passes in `year` (held at T after T). */
export function cagrPathValue(
  base: number,
  target: number,
  baseYear: number,
  targetYear: number,
  year: number,
): number {
  const rate = cagr(target, base, targetYear, baseYear);
  return base * (1 + rate) ** (Math.min(year, targetYear) - baseYear);
}
