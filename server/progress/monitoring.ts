import { discloseObservation, disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { type MonitoringPlace, monitoringAreas } from './monitoringRows.ts';
import type {
  AreaRow,
  IndicatorRow,
  ProgrammeAreaRow,
  ProgrammeIndicatorRow,
  ProgrammeRow,
  SeriesValueRow,
} from './progressRows.ts';
import type { MonitoringIndicator, MonitoringPoint } from './types.ts';

const NEDERLAND = 'NL00';

export interface MonitoringRows {
  programme: ProgrammeRow;
  /** The programme's indicator links, in the plan's order. */
  links: readonly ProgrammeIndicatorRow[];
  indicators: ReadonlyMap<string, IndicatorRow>;
  /** The programme's areas, in the plan's order. */
  programmeAreas: readonly ProgrammeAreaRow[];
  /** The areas of the programme's vintage. */
  areas: readonly AreaRow[];
  /** At least the values of the monitoring indicators (monitoringIndicatorIds). */
  values: readonly SeriesValueRow[];
}

const monitoringLinks = (links: readonly ProgrammeIndicatorRow[]) =>
  links.filter((l) => l.role === 'monitoring');

/** The monitoring indicators of a programme and their related series. */
export function monitoringIndicatorIds(links: readonly ProgrammeIndicatorRow[]): string[] {
  return [
    ...new Set(
      monitoringLinks(links).flatMap((l) =>
        [l.indicator_id, l.related_indicator_id].filter((x): x is string => !!x),
      ),
    ),
  ];
}

/**
 * "Volgen" (docs/decisions/0064): every monitoring indicator of the programme (programme_indicators
 * .role = 'monitoring') per focus area, beside wijk, gemeente and Nederland. The indicator's own
 * figures when it has any for these areas; else its related series (another definition, labelled
 * so); else "nog geen cijfers" with the source to load. Pure: relatedValuesLoader.ts reads the values.
 */
export function monitoringIndicators(
  rows: MonitoringRows,
  /** As of this year (later values are left out), like the targets' judgements; null: latest. */
  asOf: number | null = null,
): MonitoringIndicator[] {
  const { programme, indicators } = rows;
  const links = monitoringLinks(rows.links);
  if (links.length === 0) return [];
  const focusRows = rows.programmeAreas.filter((pa) => pa.role === 'focus');
  const observations = rows.values;
  const areaRows = rows.areas.filter((a) => a.vintage === programme.vintage);
  const areaOf = new Map(areaRows.map((a) => [a.code, a]));
  const places: MonitoringPlace[] = focusRows.map((f) => {
    const area = areaOf.get(f.area_code);
    const parent = area?.parent_code ? areaOf.get(area.parent_code) : undefined;
    return {
      code: f.area_code,
      name: area?.name ?? f.area_code,
      level: area?.level ?? 'onbekend',
      label: f.label,
      wijk:
        area?.level === 'buurt' && parent?.level === 'wijk' ? { code: parent.code, name: parent.name } : null,
    };
  });
  const gemeente = {
    code: programme.gemeente_code,
    name: areaOf.get(programme.gemeente_code)?.name ?? programme.gemeente_code,
  };
  const nederland = { code: NEDERLAND, name: areaOf.get(NEDERLAND)?.name ?? 'Nederland' };
  const wanted = new Set([
    ...places.flatMap((p) => [p.code, p.wijk?.code].filter((c): c is string => !!c)),
    gemeente.code,
    nederland.code,
  ]);

  /** Disclosed whole-year values of one indicator; wijk/buurt only in the programme's indeling. */
  const seriesOf = (indicatorId: string) => {
    const indicator = indicators.get(indicatorId)!;
    const rule = disclosureRuleOf(indicator);
    const points = new Map<string, MonitoringPoint[]>();
    const sources = new Map<string, Set<string>>();
    for (const o of observations) {
      if (o.indicator_id !== indicatorId || !wanted.has(o.area_code) || !/^\d{4}$/.test(o.period)) continue;
      if (asOf != null && o.year > asOf) continue;
      const local = o.area_code !== gemeente.code && o.area_code !== nederland.code;
      if (local && o.vintage !== programme.vintage) continue;
      const disclosed = discloseObservation(rule, o);
      if (disclosed.suppressed || disclosed.value == null) continue;
      const list = points.get(o.area_code) ?? [];
      if (list.some((p) => p.year === o.year)) continue;
      list.push({ year: o.year, value: disclosed.value });
      points.set(o.area_code, list);
      sources.set(o.area_code, (sources.get(o.area_code) ?? new Set()).add(o.source));
    }
    const focusHas = places.some((p) => (points.get(p.code)?.length ?? 0) > 0);
    return { indicator, points, sources, focusHas };
  };

  return links.flatMap((link): MonitoringIndicator[] => {
    const own = indicators.get(link.indicator_id);
    if (!own) return [];
    const ownSeries = seriesOf(own.id);
    const relatedSeries =
      !ownSeries.focusHas && link.related_indicator_id && indicators.has(link.related_indicator_id)
        ? seriesOf(link.related_indicator_id)
        : null;
    const shown = ownSeries.focusHas ? ownSeries : relatedSeries?.focusHas ? relatedSeries : null;
    const summary = {
      id: own.id,
      name: own.name,
      unit: own.unit,
      decimals: own.decimals,
      polarity: own.polarity,
      source: own.source,
    };
    const label = link.label;
    if (!shown)
      return [
        {
          indicator: summary,
          label,
          level: link.level,
          related: null,
          sources: [],
          noFigures: `Nog geen cijfers voor ${label ?? own.name}. Te laden uit: ${own.source}.`,
          areas: monitoringAreas(places, new Map(), own.polarity, gemeente, nederland),
        },
      ];
    const other = shown === relatedSeries ? shown.indicator : null;
    const sources = new Set<string>();
    for (const code of wanted) for (const s of shown.sources.get(code) ?? []) sources.add(s);
    return [
      {
        indicator: summary,
        label,
        level: link.level,
        related: other && {
          id: other.id,
          name: other.name,
          unit: other.unit,
          decimals: other.decimals,
          polarity: other.polarity,
          explanation: `Verwante reeks, een andere definitie dan "${label ?? own.name}": ${other.name}. De indicator zelf heeft nog geen cijfers (te laden uit: ${own.source}).`,
        },
        sources: [...sources].sort(),
        noFigures: null,
        areas: monitoringAreas(places, shown.points, shown.indicator.polarity, gemeente, nederland),
      },
    ];
  });
}
