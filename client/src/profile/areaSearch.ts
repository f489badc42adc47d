import type { Gebied } from '../shared/model.ts';

/** Lower-case, accents and punctuation stripped: "'t Lien" matches "t lien", "Prinsenhof-Hoog" "prinsenhof hoog". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** At most one letter changed, added or dropped: "amstelvijk" finds "amstelwijk". */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Areas whose name or code matches what was typed: name starts first, then word starts, then
 * anywhere, then (from five letters on) a word with one typing error, such as the plan's "Amstelvijk".
 */
export function searchAreas(areas: Gebied[], typed: string, limit = 12): Gebied[] {
  const q = normaliseName(typed);
  if (!q) return areas.slice(0, limit);
  const scored: Array<[number, Gebied]> = [];
  for (const area of areas) {
    const name = normaliseName(area.naam);
    const code = area.code.toLowerCase();
    let score = -1;
    if (name.startsWith(q) || code === q) score = 0;
    else if (name.split(' ').some((word) => word.startsWith(q))) score = 1;
    else if (name.includes(q) || code.includes(q)) score = 2;
    else if (q.length >= 5 && name.split(' ').some((word) => withinOneEdit(q, word.slice(0, q.length))))
      score = 3;
    if (score >= 0) scored.push([score, area]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].naam.localeCompare(b[1].naam, 'nl'))
    .slice(0, limit)
    .map(([, area]) => area);
}
