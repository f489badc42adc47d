// Half years ("2026-H1") and plan periods. Pure: no Express, no database.

/** A half year as the reports name it: 2026-H1 (January–June) or 2026-H2 (July–December). */
export const HALF_YEAR_PATTERN = /^(\d{4})-H([12])$/;
/** A period bound in a plan: a year (2022) or a half year (2022-H2). */
export const PERIOD_BOUND_PATTERN = /^(\d{4})(?:-H([12]))?$/;

export interface HalfYear {
  year: number;
  half: 1 | 2;
}

export function parseHalfYear(text: string): HalfYear | undefined {
  const match = HALF_YEAR_PATTERN.exec(text);
  if (!match) return undefined;
  return { year: Number(match[1]), half: match[2] === '1' ? 1 : 2 };
}

export function formatHalfYear({ year, half }: HalfYear): string {
  return `${year}-H${half}`;
}

/** "1e helft 2026" / "2e helft 2026": how the pages name a half year. */
export function halfYearLabel(text: string): string {
  const parsed = parseHalfYear(text);
  if (!parsed) return text;
  return `${parsed.half === 1 ? '1e' : '2e'} helft ${parsed.year}`;
}

const index = ({ year, half }: HalfYear) => year * 2 + (half - 1);
const fromIndex = (value: number): HalfYear => ({
  year: Math.floor(value / 2),
  half: value % 2 === 0 ? 1 : 2,
});

/** The half year a date falls in. */
export function halfYearOf(date: Date): HalfYear {
  return { year: date.getUTCFullYear(), half: date.getUTCMonth() < 6 ? 1 : 2 };
}

/** The first half year of a period that starts at this bound: 2022 → 2022-H1, 2022-H2 → 2022-H2. */
export function firstHalfOf(bound: string): HalfYear | undefined {
  const match = PERIOD_BOUND_PATTERN.exec(bound);
  if (!match) return undefined;
  return { year: Number(match[1]), half: match[2] === '2' ? 2 : 1 };
}

/** The last half year of a period that ends at this bound: 2025 → 2025-H2, 2025-H1 → 2025-H1. */
export function lastHalfOf(bound: string): HalfYear | undefined {
  const match = PERIOD_BOUND_PATTERN.exec(bound);
  if (!match) return undefined;
  return { year: Number(match[1]), half: match[2] === '1' ? 1 : 2 };
}

/** Every half year from `from` to `to`, both included; empty when `to` lies before `from`. */
export function halfYearsBetween(from: HalfYear, to: HalfYear): string[] {
  const result: string[] = [];
  for (let value = index(from); value <= index(to); value += 1) result.push(formatHalfYear(fromIndex(value)));
  return result;
}

export interface PlanPeriod {
  start: string | null;
  end: string | null;
}

/**
 * Whether an inspanning runs in a half year by its plan: from its start (or always, without one)
 * up to its end (or open-ended, "Start 2023", "Lopend").
 */
export function runsIn(period: PlanPeriod, halfYear: string): boolean {
  const half = parseHalfYear(halfYear);
  if (!half) return false;
  const first = period.start ? firstHalfOf(period.start) : undefined;
  const last = period.end ? lastHalfOf(period.end) : undefined;
  if (first && index(half) < index(first)) return false;
  if (last && index(half) > index(last)) return false;
  return true;
}

/**
 * The half years a timeline shows for a set of periods: from the earliest start to the latest end,
 * an open end running to `until` (the current half year, or the report's period).
 */
export function timelineHalfYears(periods: PlanPeriod[], until: HalfYear): string[] {
  const starts = periods.flatMap((p) => (p.start ? [firstHalfOf(p.start)!] : []));
  const ends = periods.flatMap((p) => (p.end ? [lastHalfOf(p.end)!] : []));
  if (starts.length === 0) return [];
  const from = fromIndex(Math.min(...starts.map(index)));
  const lastEnd = Math.max(index(until), ...ends.map(index));
  return halfYearsBetween(from, fromIndex(lastEnd));
}
