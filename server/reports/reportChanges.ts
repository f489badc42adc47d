import type { ReportBody, ReportChangesBody } from '../../schemas/reports.ts';

/** The parts of a report the comparison reads. */
export type ComparedReport = Pick<ReportBody, 'voortgang' | 'plan'>;

type Figure = ReportChangesBody['waarden'][number];
type Reading = ReportChangesBody['statussen'][number];
type Step = ReportChangesBody['inspanningen'][number];

interface FigureRow {
  soort: Figure['soort'];
  indicator: Figure['indicator'];
  gebied: Figure['gebied'];
  /** periode → published value (null when suppressed). */
  values: Map<string, number | null>;
}

/** Every figure of a report per series: the result rows' series and the volgen rows' first and latest. */
function figuresOf(report: ComparedReport): Map<string, FigureRow> {
  const rows = new Map<string, FigureRow>();
  for (const t of report.voortgang.streefwaarden) {
    const key = `resultaat|${t.indicator.id}|${t.gebied.code}`;
    if (rows.has(key)) continue;
    const { id, naam, eenheid, decimalen } = t.indicator;
    rows.set(key, {
      soort: 'resultaat',
      indicator: { id, naam, eenheid, decimalen },
      gebied: { code: t.gebied.code, naam: t.gebied.naam },
      values: new Map(t.reeks.map((o) => [o.periode, o.geheim ? null : o.waarde])),
    });
  }
  for (const v of report.voortgang.volgen) {
    const shown = v.verwant ?? v.indicator;
    for (const g of v.gebieden) {
      const points = [g.eerste, g.laatste].filter((p) => p !== null);
      rows.set(`volgen|${shown.id}|${g.gebied.code}`, {
        soort: 'volgen',
        indicator: {
          id: shown.id,
          naam: v.label ?? shown.naam,
          eenheid: shown.eenheid,
          decimalen: shown.decimalen,
        },
        gebied: { code: g.gebied.code, naam: g.gebied.label ?? g.gebied.naam },
        values: new Map(points.map((p) => [String(p.jaar), p.waarde])),
      });
    }
  }
  return rows;
}

function figureChanges(before: ComparedReport, after: ComparedReport): Figure[] {
  const old = figuresOf(before);
  const now = figuresOf(after);
  const changes: Figure[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    const row = (b ?? a)!;
    const periods = [...new Set([...(a?.values.keys() ?? []), ...(b?.values.keys() ?? [])])].sort();
    for (const periode of periods) {
      const van = a?.values.get(periode);
      const naar = b?.values.get(periode);
      if (van === naar) continue;
      changes.push({
        soort: row.soort,
        indicator: row.indicator,
        gebied: row.gebied,
        periode,
        van: van ?? null,
        naar: naar ?? null,
      });
    }
  }
  return changes;
}

interface ReadingRow {
  base: Omit<Reading, 'lezing' | 'van' | 'naar' | 'vanLabel' | 'naarLabel'>;
  readings: Map<Reading['lezing'], { status: string; label: string }>;
}

function readingsOf(report: ComparedReport): Map<string, ReadingRow> {
  const rows = new Map<string, ReadingRow>();
  for (const t of report.voortgang.streefwaarden) {
    const { id, naam, eenheid, decimalen } = t.indicator;
    for (const h of t.horizonnen) {
      const readings: ReadingRow['readings'] = new Map([
        ['referentie', { status: h.oordeel.status, label: h.oordeel.statusLabel }],
      ]);
      const plan = h.oordeel.planLezing;
      if (plan) readings.set('plan', { status: plan.status, label: plan.statusLabel });
      rows.set(`${id}|${t.gebied.code}|${h.doel.horizon}`, {
        base: {
          indicator: { id, naam, eenheid, decimalen },
          gebied: { code: t.gebied.code, naam: t.gebied.naam },
          horizon: h.doel.horizon,
        },
        readings,
      });
    }
  }
  return rows;
}

function readingChanges(before: ComparedReport, after: ComparedReport): Reading[] {
  const old = readingsOf(before);
  const now = readingsOf(after);
  const changes: Reading[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    for (const lezing of ['referentie', 'plan'] as const) {
      const van = a?.readings.get(lezing) ?? null;
      const naar = b?.readings.get(lezing) ?? null;
      if (van?.status === naar?.status) continue;
      changes.push({
        ...(b ?? a)!.base,
        lezing,
        van: van?.status ?? null,
        naar: naar?.status ?? null,
        vanLabel: van?.label ?? null,
        naarLabel: naar?.label ?? null,
      });
    }
  }
  return changes;
}

function stepChanges(before: ComparedReport, after: ComparedReport): Step[] {
  const old = new Map(before.plan.inspanningen.map((i) => [i.code, i]));
  const now = new Map(after.plan.inspanningen.map((i) => [i.code, i]));
  const entry = (i: ReportBody['plan']['inspanningen'][number] | undefined) =>
    i?.laatsteVoortgang
      ? {
          periode: i.laatsteVoortgang.periode,
          status: i.laatsteVoortgang.status,
          toelichting: i.laatsteVoortgang.toelichting,
        }
      : null;
  const changes: Step[] = [];
  for (const code of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(code);
    const b = now.get(code);
    const van = entry(a);
    const naar = entry(b);
    const besteedVan = a?.besteedTotaal ?? null;
    const besteedNaar = b?.besteedTotaal ?? null;
    const same = a && b && JSON.stringify(van) === JSON.stringify(naar) && besteedVan === besteedNaar;
    if (same) continue;
    changes.push({ code, wat: (b ?? a)!.wat, van, naar, besteedVan, besteedNaar });
  }
  return changes;
}

/**
 * What changed between two reports of a programme: every figure added, removed or corrected (per
 * series and period), every status that moved (both readings of an "X% LV" target), and every
 * inspanning whose latest voortgang or spending differs. The order follows the later report.
 */
export function reportChanges(before: ComparedReport, after: ComparedReport): ReportChangesBody {
  return {
    waarden: figureChanges(before, after),
    statussen: readingChanges(before, after),
    inspanningen: stepChanges(before, after),
  };
}
