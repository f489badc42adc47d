import type { Observation, Point } from '../shared/model.ts';

export interface CompareCell {
  waarde: number | null;
  jaar: number | null;
  geheim: boolean;
  /** A published 95% interval around the value (survey figures). */
  interval95?: { onder: number; boven: number } | null;
}

export interface CompareRow {
  indicator: string;
  cells: CompareCell[];
}

/**
 * The area beside its wijk, gemeente and Nederland: per indicator, the area's latest year, and for
 * the others the same year when they have it (else their own latest, with its year shown).
 */
export function compareRows(observations: Observation[], columns: string[]): CompareRow[] {
  const byIndicator = new Map<string, Map<string, Observation[]>>();
  for (const o of observations) {
    let perArea = byIndicator.get(o.indicator);
    if (!perArea) {
      perArea = new Map();
      byIndicator.set(o.indicator, perArea);
    }
    const list = perArea.get(o.gebied) ?? [];
    list.push(o);
    perArea.set(o.gebied, list);
  }
  const rows: CompareRow[] = [];
  for (const [indicator, perArea] of byIndicator) {
    const own = (perArea.get(columns[0]!) ?? []).filter(
      (o) => (o.waarde !== null || o.geheim !== null) && !isHalfYear(o.periode),
    );
    const year = own.length ? Math.max(...own.map((o) => o.jaar)) : null;
    const cells = columns.map((code) => {
      const list = (perArea.get(code) ?? []).filter(
        (o) => (o.waarde !== null || o.geheim !== null) && !isHalfYear(o.periode),
      );
      if (list.length === 0) return { waarde: null, jaar: null, geheim: false };
      const sameYear = year === null ? undefined : list.find((o) => o.jaar === year);
      const chosen = sameYear ?? list.reduce((a, b) => (b.jaar > a.jaar ? b : a));
      return {
        waarde: chosen.geheim ? null : chosen.waarde,
        jaar: chosen.jaar,
        geheim: chosen.geheim !== null,
        interval95: chosen.interval95 ?? null,
      };
    });
    if (cells.some((c) => c.jaar !== null)) rows.push({ indicator, cells });
  }
  return rows;
}

/** An area's published values of one indicator as a time series (suppressed and missing left out). */
export function seriesOf(observations: Observation[], indicator: string, code: string): Point[] {
  const byYear = new Map<number, number>();
  for (const o of observations) {
    if (
      o.indicator === indicator &&
      o.gebied === code &&
      o.waarde !== null &&
      o.geheim === null &&
      !isHalfYear(o.periode)
    )
      byYear.set(o.jaar, o.waarde);
  }
  return [...byYear].map(([jaar, waarde]) => ({ jaar, waarde })).sort((a, b) => a.jaar - b.jaar);
}

/** Half years (2019H1) stay in the API and the CSV; the yearly views use whole years only. */
export const isHalfYear = (periode: string) => /H[12]$/.test(periode);

export interface SourceLine {
  bron: string;
  jaren: number[];
}

/**
 * The sources of an area's values of one indicator, each with the years it gave: the source is
 * kept per value, not the indicator's nominal one. `naamGekoppeld`: some value's region code was
 * matched by name and order in the source file (flag `regiocode_afgeleid_…`).
 */
export function sourcesOf(
  observations: Observation[],
  indicator: string,
  code: string,
): { bronnen: SourceLine[]; naamGekoppeld: boolean } {
  const byBron = new Map<string, Set<number>>();
  let naamGekoppeld = false;
  for (const o of observations) {
    if (o.indicator !== indicator || o.gebied !== code) continue;
    const years = byBron.get(o.bron) ?? new Set<number>();
    years.add(o.jaar);
    byBron.set(o.bron, years);
    if (o.bronvlaggen.some((flag) => flag.startsWith('regiocode_afgeleid'))) naamGekoppeld = true;
  }
  const bronnen = [...byBron].map(([bron, years]) => ({ bron, jaren: [...years].sort((a, b) => a - b) }));
  bronnen.sort((a, b) => a.jaren[0]! - b.jaren[0]!);
  return { bronnen, naamGekoppeld };
}

/**
 * The order a partner reads a profile in: the programme's indicators first, then by theme (the
 * catalogue's order: theme, then name); indicators the catalogue does not know last.
 */
export function orderIndicatorIds(
  ids: string[],
  catalogue: Array<{ id: string; thema: string | null }>,
  programmeIds: ReadonlySet<string>,
): string[] {
  const position = new Map(catalogue.map((i, index) => [i.id, index]));
  const themeRank = new Map<string, number>();
  for (const i of catalogue) if (!themeRank.has(i.thema ?? '')) themeRank.set(i.thema ?? '', themeRank.size);
  const themeOf = (id: string) => {
    const i = catalogue[position.get(id) ?? -1];
    return i ? (themeRank.get(i.thema ?? '') ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
  };
  return [...new Set(ids)].sort(
    (a, b) =>
      Number(!programmeIds.has(a)) - Number(!programmeIds.has(b)) ||
      themeOf(a) - themeOf(b) ||
      (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER) ||
      a.localeCompare(b),
  );
}

/** Rows the area itself has no figure for (on a buurt page: series measured only per wijk). */
export function splitOwnRows(rows: CompareRow[]): { own: CompareRow[]; elsewhere: CompareRow[] } {
  const own = rows.filter((r) => r.cells[0]?.jaar != null);
  const elsewhere = rows.filter((r) => r.cells[0]?.jaar == null);
  return { own, elsewhere };
}
