import type { DoelBody, InspanningBody, PlanBody, VoortgangStatusKey } from '../../../schemas/plan.ts';

// View rules of the programme page: pure, no React.

export type Plan = PlanBody;
export type Inspanning = InspanningBody;
export type Doel = DoelBody;

export const INSPANNING_STATUS: Record<
  VoortgangStatusKey,
  { label: string; icon: string; description: string }
> = {
  niet_gestart: { label: 'Niet gestart', icon: '○', description: 'nog niet begonnen' },
  loopt: { label: 'Loopt', icon: '▶', description: 'in uitvoering volgens plan' },
  vertraagd: { label: 'Vertraagd', icon: '⚠', description: 'loopt achter op de planning' },
  afgerond: { label: 'Afgerond', icon: '✔', description: 'klaar' },
  gestopt: { label: 'Gestopt', icon: '✖', description: 'beëindigd vóór het einde' },
};
export const INSPANNING_STATUS_ORDER: VoortgangStatusKey[] = [
  'niet_gestart',
  'loopt',
  'vertraagd',
  'afgerond',
  'gestopt',
];

const euroFormat = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
export const euro = (value: number) => euroFormat.format(value);

/** "1e helft 2026" for 2026-H1. */
export function halfYearLabel(period: string): string {
  const match = /^(\d{4})-H([12])$/.exec(period);
  return match ? `${match[2] === '1' ? '1e' : '2e'} helft ${match[1]}` : period;
}

/** Short column head for the timeline: "’26 H1". */
export function halfYearShort(period: string): string {
  const match = /^\d{2}(\d{2})-H([12])$/.exec(period);
  return match ? `’${match[1]} H${match[2]}` : period;
}

const first = (bound: string) => (bound.includes('-H') ? bound : `${bound}-H1`);
const last = (bound: string) => (bound.includes('-H') ? bound : `${bound}-H2`);

/** Whether the plan has the inspanning running in a half year (open start or end: runs on). */
export function plannedIn(inspanning: Inspanning, period: string): boolean {
  const { start, eind } = inspanning.wanneer;
  if (start && period < first(start)) return false;
  if (eind && period > last(eind)) return false;
  return start !== null;
}

/** The period as the plan writes it, or built from start and end. */
export function periodText(inspanning: Inspanning): string {
  const { tekst, start, eind } = inspanning.wanneer;
  if (tekst) return tekst;
  if (!start) return 'niet genoemd';
  return eind ? `${start} – ${eind}` : `vanaf ${start}`;
}

/** The middelen as written, with the amount in numbers when the plan gives one. */
export function budgetText(inspanning: Inspanning): string {
  const { tekst, totaal } = inspanning.middelen;
  if (tekst && totaal !== null && !/\d/.test(tekst)) return `${tekst} (${euro(totaal)})`;
  if (tekst) return tekst;
  return totaal === null ? 'niet genoemd' : euro(totaal);
}

/** The inspanningen that contribute to a doel or to one of its subdoelen. */
export function inspanningenOf(doel: Doel, inspanningen: Inspanning[]): Inspanning[] {
  const codes = new Set<string>();
  const walk = (d: Doel) => {
    codes.add(d.code);
    for (const sub of d.subdoelen) walk(sub);
  };
  walk(doel);
  return inspanningen.filter((i) => i.doelen.some((code) => codes.has(code)));
}
