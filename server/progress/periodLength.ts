// Periods longer than a year: counts over such a period are compared per year.

const MONTHS = [
  'jan.',
  'feb.',
  'mrt.',
  'apr.',
  'mei',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'okt.',
  'nov.',
  'dec.',
];

function parseMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

/** Length in years of a period from the start month to the end month, both included; null when not valid. */
export function periodYears(start: string, end: string): number | null {
  const a = parseMonth(start);
  const b = parseMonth(end);
  if (!a || !b) return null;
  const months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  return months > 0 ? months / 12 : null;
}

/** "2017 – feb. 2021": whole years without a month, else the month written out. */
export function periodLabel(start: string, end: string): string {
  const a = parseMonth(start);
  const b = parseMonth(end);
  if (!a || !b) return `${start} – ${end}`;
  const from = a.month === 1 ? String(a.year) : `${MONTHS[a.month - 1]} ${a.year}`;
  const to = b.month === 12 ? String(b.year) : `${MONTHS[b.month - 1]} ${b.year}`;
  return `${from} – ${to}`;
}
