// "Verwante reeks" beside targets that have only their baseline (docs/decisions/0063). Pure: no
// database, no Express; relatedValuesLoader.ts reads the values.
import { discloseObservation, disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import type {
  AreaRow,
  IndicatorRow,
  MemberRow,
  ProgrammeIndicatorRow,
  ProgrammeRow,
  SeriesValueRow,
} from './progressRows.ts';
import { type RelatedPoint, relatedDirection } from './relatedDirection.ts';
import type { RelatedSeries, TargetProgress } from './types.ts';

interface Candidate {
  codes: string[];
  name: string;
  level: string;
  basis: RelatedSeries['basis'];
}

export interface RelatedSeriesRows {
  programme: ProgrammeRow;
  /** The programme's indicator links (programme_indicators). */
  links: readonly ProgrammeIndicatorRow[];
  indicators: ReadonlyMap<string, IndicatorRow>;
  /** The areas of the programme's vintage. */
  areas: readonly AreaRow[];
  /** At least the members of the target areas in the programme's vintage. */
  members: readonly MemberRow[];
  /** At least the values of the related indicators (relatedIndicatorIds). */
  values: readonly SeriesValueRow[];
}

/** The related indicators a programme names (programme_indicators.related_indicator_id). */
export function relatedIndicatorIds(links: readonly ProgrammeIndicatorRow[]): string[] {
  return [...new Set(links.flatMap((l) => (l.related_indicator_id ? [l.related_indicator_id] : [])))];
}

/**
 * For each target whose own indicator has only its baseline (every horizon "onvoldoende
 * gegevens"), the related series the programme definition names (programme_indicators
 * .related_indicator_id): in the target's own area, else its wijk, else the wijken of a programme
 * area's members (summed from counts), else the gemeente — the first with two or more years.
 */
export function attachRelatedSeries(rows: RelatedSeriesRows, targets: TargetProgress[]): TargetProgress[] {
  const { programme, indicators } = rows;
  const links = new Map(
    rows.links.flatMap((l) =>
      l.related_indicator_id ? [[l.indicator_id, l.related_indicator_id] as const] : [],
    ),
  );
  const wanting = targets.filter(
    (t) =>
      links.has(t.indicator.id) && t.horizons.every((h) => h.judgement.status === 'onvoldoende_gegevens'),
  );
  if (wanting.length === 0) return targets;
  const areaOf = new Map(rows.areas.filter((a) => a.vintage === programme.vintage).map((a) => [a.code, a]));
  const members = rows.members.filter((m) => m.vintage === programme.vintage);
  const observations = rows.values;

  const candidatesFor = (code: string): Candidate[] => {
    const area = areaOf.get(code);
    const list: Candidate[] = [];
    if (area) list.push({ codes: [code], name: area.name, level: area.level, basis: 'zelfde gebied' });
    const parent = area?.parent_code ? areaOf.get(area.parent_code) : undefined;
    if (parent && parent.level === 'wijk')
      list.push({ codes: [parent.code], name: parent.name, level: 'wijk', basis: 'wijk' });
    const memberCodes = members.filter((m) => m.area_code === code).map((m) => m.member_code);
    const wijken = [
      ...new Set(memberCodes.map((m) => areaOf.get(m)?.parent_code).filter((c): c is string => Boolean(c))),
    ].sort();
    if (wijken.length > 0)
      list.push({
        codes: wijken,
        name: wijken.map((w) => areaOf.get(w)?.name ?? w).join(' + '),
        level: 'wijk',
        basis: 'wijken van het programmagebied',
      });
    list.push({
      codes: [programme.gemeente_code],
      name: areaOf.get(programme.gemeente_code)?.name ?? programme.gemeente_code,
      level: 'gemeente',
      basis: 'gemeente',
    });
    return list;
  };

  return targets.map((target) => {
    if (!wanting.includes(target)) return target;
    const indicator = indicators.get(links.get(target.indicator.id)!);
    if (!indicator) return { ...target, related: null };
    const rule = disclosureRuleOf(indicator);
    for (const candidate of candidatesFor(target.area.code)) {
      // Whole years only; wijk/buurt values only in the programme's indeling, gemeente in any.
      const rows = observations.filter(
        (o) =>
          o.indicator_id === indicator.id &&
          candidate.codes.includes(o.area_code) &&
          /^\d{4}$/.test(o.period) &&
          (candidate.level === 'gemeente' || o.vintage === programme.vintage),
      );
      const byYear = new Map<number, typeof rows>();
      for (const o of rows) byYear.set(o.year, [...(byYear.get(o.year) ?? []), o]);
      const points: RelatedPoint[] = [];
      const sources = new Set<string>();
      for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
        const disclosed = list.map((o) => ({ o, d: discloseObservation(rule, o) }));
        if (disclosed.some(({ d }) => d.suppressed || d.value == null)) continue;
        if (candidate.codes.length === 1) {
          const { o, d } = disclosed[0]!;
          points.push({ year, value: d.value!, low: o.interval_low, high: o.interval_high });
        } else {
          // Several wijken: sum of numerators over sum of denominators, only when every wijk has counts.
          if (
            disclosed.length !== candidate.codes.length ||
            disclosed.some(({ d }) => d.numerator == null || !d.denominator)
          )
            continue;
          const num = disclosed.reduce((s, { d }) => s + d.numerator!, 0);
          const den = disclosed.reduce((s, { d }) => s + d.denominator!, 0);
          points.push({ year, value: Math.round((num / den) * 10000) / 100 });
        }
        for (const { o } of disclosed) sources.add(o.source);
      }
      const reading = relatedDirection(points, indicator.polarity);
      if (!reading) continue;
      const related: RelatedSeries = {
        indicator: {
          id: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          decimals: indicator.decimals,
          polarity: indicator.polarity,
        },
        area: { code: candidate.codes.join('+'), name: candidate.name, level: candidate.level },
        basis: candidate.basis,
        points: points.map((p) => ({ year: p.year, value: p.value })),
        first: { year: reading.first.year, value: reading.first.value },
        last: { year: reading.last.year, value: reading.last.value },
        direction: reading.direction,
        reason: reading.reason,
        sources: [...sources],
        explanation: `Verwante reeks, een andere definitie dan "${target.indicator.name}": ${indicator.name} (${candidate.basis === 'zelfde gebied' ? candidate.name : `${candidate.basis} ${candidate.name}`}). Gelezen als richting van ${reading.first.year} tot ${reading.last.year}, niet als status van het doel: de streefwaarde zelf heeft alleen haar basiswaarde.`,
      };
      return { ...target, related };
    }
    return { ...target, related: null };
  });
}
