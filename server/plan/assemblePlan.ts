import {
  type DoelBody,
  type InspanningBody,
  type PlanBody,
  type VoortgangEntryBody,
  type VoortgangStatusKey,
  voortgangStatuses,
} from '../../schemas/plan.ts';
import { budgetDifferences } from './budgetChecks.ts';
import { type HalfYear, timelineHalfYears } from './halfYear.ts';
import type { PlanRows } from './planRepository.ts';

// Turns the plan's rows into the public answer. Pure: no Express, no database.

export interface AssembleOptions {
  /** The half year to show; default the newest half year with voortgang. */
  period?: string | undefined;
  /** Only inspanningen with this organisation as trekker or partner. */
  partner?: number | undefined;
  /** Only inspanningen in one of these areas (an area filter's chain: the area, its parents, …). */
  areaChain?: string[] | undefined;
  areaFilter?: string | undefined;
  /** The current half year: where the timeline's open ends run to. */
  now: HalfYear;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Per half year the entry that holds: the newest row recorded for it (earlier ones are history).
 * Half years after `until` are left out.
 */
export function validEntries(
  rows: PlanRows['voortgang'],
  until: string | null,
): Map<number, VoortgangEntryBody[]> {
  const byKey = new Map<string, PlanRows['voortgang'][number]>();
  for (const row of rows) {
    if (until !== null && row.period > until) continue;
    const key = `${row.inspanning_id}|${row.period}`;
    const held = byKey.get(key);
    if (!held || row.id > held.id) byKey.set(key, row);
  }
  const result = new Map<number, VoortgangEntryBody[]>();
  for (const row of [...byKey.values()].sort((a, b) => a.period.localeCompare(b.period))) {
    const list = result.get(row.inspanning_id) ?? [];
    list.push({
      periode: row.period,
      status: row.status,
      toelichting: row.note,
      outputGerealiseerd: row.output_realised,
      besteed: row.spent,
      vastgelegd: new Date(row.recorded_at).toISOString(),
    });
    result.set(row.inspanning_id, list);
  }
  return result;
}

export function assemblePlan(programmeId: string, rows: PlanRows, options: AssembleOptions): PlanBody {
  const newest = rows.voortgang.reduce<string | null>(
    (max, row) => (max === null || row.period > max ? row.period : max),
    null,
  );
  const period = options.period ?? newest;
  const entries = validEntries(rows.voortgang, period);

  const indicatorsOf = new Map<number, string[]>();
  for (const row of rows.doelIndicators) {
    indicatorsOf.set(row.doel_id, [...(indicatorsOf.get(row.doel_id) ?? []), row.indicator_id]);
  }
  const nodes = new Map<number, DoelBody>();
  for (const doel of rows.doelen) {
    nodes.set(doel.id, {
      id: doel.id,
      code: doel.code,
      titel: doel.title,
      omschrijving: doel.description,
      indicatoren: indicatorsOf.get(doel.id) ?? [],
      subdoelen: [],
    });
  }
  const roots: DoelBody[] = [];
  for (const doel of rows.doelen) {
    const node = nodes.get(doel.id)!;
    const parent = doel.parent_id === null ? undefined : nodes.get(doel.parent_id);
    if (parent) parent.subdoelen.push(node);
    else roots.push(node);
  }

  const group = <T extends { inspanning_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) map.set(item.inspanning_id, [...(map.get(item.inspanning_id) ?? []), item]);
    return map;
  };
  const partners = group(rows.partners);
  const links = group(rows.links);
  const areas = group(rows.areas);
  const budgets = group(rows.budgets);

  const all: InspanningBody[] = rows.inspanningen.map((row) => {
    const history = entries.get(row.id) ?? [];
    const latest = history.at(-1) ?? null;
    const amounts = (budgets.get(row.id) ?? []).map((b) => ({ jaar: b.year, bedrag: b.amount }));
    const spent = history.flatMap((entry) => (entry.besteed === null ? [] : [entry.besteed]));
    const realised = [...history].reverse().find((entry) => entry.outputGerealiseerd !== null);
    return {
      id: row.id,
      code: row.code,
      soort: row.kind,
      wat: row.title,
      hoe: row.description,
      wanneer: { tekst: row.period_text, start: row.period_start, eind: row.period_end },
      trekker: row.trekker_id === null ? null : { id: row.trekker_id, naam: row.trekker_name ?? '' },
      partners: (partners.get(row.id) ?? []).map((p) => ({ id: p.id, naam: p.name })),
      middelen: {
        tekst: row.budget_text,
        bedragen: amounts,
        totaal: amounts.length === 0 ? null : sum(amounts.map((a) => a.bedrag)),
      },
      doelen: (links.get(row.id) ?? []).map((l) => l.code),
      gebieden: (areas.get(row.id) ?? []).map((a) => a.area_code),
      output:
        row.output_label === null
          ? null
          : {
              omschrijving: row.output_label,
              gepland: row.output_planned,
              gerealiseerd: realised?.outputGerealiseerd ?? null,
            },
      laatsteVoortgang: latest,
      besteedTotaal: spent.length === 0 ? null : sum(spent),
      geschiedenis: history,
    };
  });

  const chain = options.areaChain;
  const shown = all.filter(
    (inspanning) =>
      (options.partner === undefined ||
        inspanning.trekker?.id === options.partner ||
        inspanning.partners.some((p) => p.id === options.partner)) &&
      (chain === undefined || inspanning.gebieden.some((code) => chain.includes(code))),
  );

  const counts = Object.fromEntries(voortgangStatuses.map((status) => [status, 0])) as Record<
    VoortgangStatusKey,
    number
  >;
  let without = 0;
  for (const inspanning of shown) {
    if (inspanning.laatsteVoortgang) counts[inspanning.laatsteVoortgang.status] += 1;
    else without += 1;
  }
  const organisations = new Map<number, string>();
  for (const inspanning of all) {
    if (inspanning.trekker) organisations.set(inspanning.trekker.id, inspanning.trekker.naam);
    for (const p of inspanning.partners) organisations.set(p.id, p.naam);
  }
  const until = period
    ? ({ year: Number(period.slice(0, 4)), half: period.endsWith('1') ? 1 : 2 } as HalfYear)
    : options.now;

  const budget = rows.lines.map((line) => ({
    soort: line.kind,
    doel: line.doel_code,
    omschrijving: line.label,
    jaar: line.year,
    bedrag: line.amount,
    toelichting: line.note,
  }));
  return {
    programma: programmeId,
    periode: period,
    ambitie: rows.plan?.ambition ?? null,
    monitoring: rows.plan?.monitoring ?? [],
    begrotingToelichting: rows.plan?.budget_note ?? null,
    doelen: roots,
    inspanningen: shown,
    organisaties: [...organisations]
      .map(([id, naam]) => ({ id, naam }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    begroting: budget,
    begrotingVerschillen: budgetDifferences(budget),
    statusTelling: counts,
    zonderVoortgang: without,
    halveJaren: timelineHalfYears(
      shown.filter((i) => i.soort === 'actie').map((i) => ({ start: i.wanneer.start, end: i.wanneer.eind })),
      until,
    ),
    filter: { partner: options.partner ?? null, gebied: options.areaFilter ?? null },
  };
}
