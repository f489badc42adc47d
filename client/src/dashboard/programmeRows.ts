import type { TargetProgress } from '../shared/model.ts';

/** One line of the scorecard: an indicator in one area, with its 10- and 20-year targets side by side. */
export interface ScorecardRow {
  key: string;
  indicatorId: string;
  indicatorNaam: string;
  gebiedCode: string;
  gebiedNaam: string;
  horizons: Partial<Record<10 | 20, TargetProgress>>;
  /** Either horizon's row, for the shared baseline, latest value and series. */
  any: TargetProgress;
}

/** Group target results (one per horizon) into scorecard rows, in the programme's own order. */
export function scorecardRows(targets: TargetProgress[]): ScorecardRow[] {
  const rows = new Map<string, ScorecardRow>();
  for (const t of targets) {
    const key = `${t.indicatorId}|${t.gebiedCode}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        indicatorId: t.indicatorId,
        indicatorNaam: t.indicatorNaam,
        gebiedCode: t.gebiedCode,
        gebiedNaam: t.gebiedNaam,
        horizons: {},
        any: t,
      };
      rows.set(key, row);
    }
    if (t.horizon === 10 || t.horizon === 20) row.horizons[t.horizon] = t;
    // Prefer the row that has more observed data for the shared columns.
    if (t.reeks.length > row.any.reeks.length) row.any = t;
  }
  return [...rows.values()];
}

/** Group scorecard rows by indicator, keeping first-seen order. */
export function byIndicator(
  rows: ScorecardRow[],
): Array<{ indicatorId: string; naam: string; rows: ScorecardRow[] }> {
  const groups = new Map<string, { indicatorId: string; naam: string; rows: ScorecardRow[] }>();
  for (const row of rows) {
    let g = groups.get(row.indicatorId);
    if (!g) {
      g = { indicatorId: row.indicatorId, naam: row.indicatorNaam, rows: [] };
      groups.set(row.indicatorId, g);
    }
    g.rows.push(row);
  }
  return [...groups.values()];
}
