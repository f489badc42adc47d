import type { AreaDetail, AreaSummary } from '../../../schemas/areas.ts';
import type { IndicatorBody } from '../../../schemas/indicators.ts';
import type { MapLayer as MapLayerBody, MapValue } from '../../../schemas/mapLayers.ts';
import type { ObservationBody } from '../../../schemas/observations.ts';
import type { ProgrammeDetailBody, ProgrammeSummaryBody } from '../../../schemas/programmes.ts';
import type { ProgrammeProgressBody, ProgressJudgementShape } from '../../../schemas/progress.ts';
import { type Status, toStatus } from './status.ts';

// The API's own types (type-only imports: no zod in the bundle), plus the few view models the
// pages share. The to… functions below are the one place that reshapes API responses.

export type Indicator = IndicatorBody;
export type Gebied = AreaSummary;
export type GebiedDetail = AreaDetail;
export type Observation = ObservationBody;
export type Programme = ProgrammeSummaryBody;
export type ProgrammeDetail = ProgrammeDetailBody;
export type ProgrammeProgress = ProgrammeProgressBody;
export type TargetProgressBody = ProgrammeProgressBody['targets'][number];
export type Judgement = ProgressJudgementShape;
export type Polarity = IndicatorBody['polariteit'];

/** One area on the map: the layer's value joined with the area's name from the geometry. */
export interface LayerValue {
  code: string;
  naam: string;
  waarde: number | null;
  status: Status;
  geheim: boolean;
  reden: string | null;
}

export interface Point {
  jaar: number;
  waarde: number;
}

/** One target × area × horizon, flattened for tables, charts and the "hoe berekend" card. */
export interface TargetProgress {
  key: string;
  indicatorId: string;
  indicatorNaam: string;
  eenheid: string;
  decimalen: number;
  polariteit: Polarity;
  gebiedCode: string;
  gebiedNaam: string;
  horizon: number;
  doeljaar: number | null;
  soort: string;
  streefwaarde: number | null;
  planTekst: string | null;
  referentiegebied: string | null;
  basisJaar: number | null;
  basisWaarde: number | null;
  /** A baseline over more than a year: "2017 – feb. 2021", its length and (counts) the value per year. */
  basisPeriode: { label: string; years: number; perYear: number | null } | null;
  laatsteJaar: number | null;
  laatsteWaarde: number | null;
  laatsteGeheim: boolean;
  status: Status;
  statusLabel: string;
  score: number | null;
  verwachtNu: number | null;
  aandeelVanDeWeg: number | null;
  reeks: Point[];
  /** The sources of the series' published values (an import, an upload, the plan). */
  bronnen: string[];
  referentieReeks: Point[];
  referentieNaam: string | null;
  /** referentieniveau: the reference area's level in the judged year (else its latest), the moving target. */
  referentieNu: number | null;
  /** The year of referentieNu. */
  referentieJaar: number | null;
  /** The year judged (for reference-level targets the latest year with both values). */
  beoordeeldJaar: number | null;
  /** referentieniveau: the status against the plan's fixed number, the second reading. */
  planStatus: Status | null;
  uitleg: string[];
  judgement: Judgement | null;
}

const REASONS: Record<string, string> = {
  te_klein: 'te klein om te publiceren',
  cbs_geheim: 'geheim bij CBS',
};

/**
 * Every area of the map (from the geometry's names) with its value from the layer; an area the
 * layer does not mention has no value, and still gets a row in the table.
 */
export function toLayerValues(layer: MapLayerBody, names: Map<string, string>): LayerValue[] {
  const values: LayerValue[] = layer.waarden.map((v: MapValue) => ({
    code: v.code,
    naam: names.get(v.code) ?? v.code,
    waarde: v.geheim ? null : v.waarde,
    status: toStatus(v.status),
    geheim: Boolean(v.geheim),
    reden: v.geheim ? (REASONS[v.geheim] ?? v.geheim) : null,
  }));
  const present = new Set(values.map((v) => v.code));
  for (const [code, naam] of names) {
    if (!present.has(code)) {
      // Every area with a target is in the layer (with its status); one that is not has none.
      values.push({ code, naam, waarde: null, status: 'geen_streefwaarde', geheim: false, reden: null });
    }
  }
  return values;
}

function points(series: Array<{ year: number; value: number | null; suppressed?: unknown }>): Point[] {
  return series
    .filter((o) => o.value !== null && !o.suppressed)
    .map((o) => ({ jaar: o.year, waarde: o.value as number }))
    .sort((a, b) => a.jaar - b.jaar);
}

/**
 * A programme area's summed figures (the API's memberSums) as observations of that area, so the
 * profile's table, cards and charts read them like any other figure.
 */
export function memberSumObservations(
  sums: Array<{ indicatorId: string; series: TargetProgressBody['series'] }>,
  area: { code: string; naam: string; niveau: Gebied['niveau'] },
): Observation[] {
  return sums.flatMap((s) =>
    s.series.map((o) => ({
      id: 0,
      indicator: s.indicatorId,
      gebied: area.code,
      gebiedsnaam: area.naam,
      niveau: area.niveau,
      indeling: o.vintage,
      periode: o.period,
      jaar: o.year,
      waarde: o.value,
      teller: o.numerator,
      noemer: o.denominator,
      vlaggen: [],
      afronding: { waarde: null, aantallen: o.countRounding ?? null },
      geheim: null,
      bron: o.source,
      importId: null,
      bijgewerkt: '',
    })),
  );
}

/** The reference area's level a reference-level target is judged against: in the judged year, else its latest. */
function referenceLevel(
  kind: string,
  judgement: Judgement,
  series: Point[],
): { referentieNu: number | null; referentieJaar: number | null } {
  if (kind !== 'referentieniveau') return { referentieNu: null, referentieJaar: null };
  const judged = judgement.inputs.referenceAreaCurrentValue;
  if (judged !== null) return { referentieNu: judged, referentieJaar: judgement.year };
  const last = series.at(-1);
  return { referentieNu: last?.waarde ?? null, referentieJaar: last?.jaar ?? null };
}

/** Every horizon of every target as its own flat row, in the order the API gives them. */
export function flattenTargets(targets: TargetProgressBody[]): TargetProgress[] {
  const out: TargetProgress[] = [];
  for (const t of targets) {
    const reeks = points(t.series);
    const referentieReeks = t.reference ? points(t.reference.series) : [];
    for (const h of t.horizons) {
      out.push({
        key: `${t.indicator.id}|${t.area.code}|${h.target.horizon}`,
        indicatorId: t.indicator.id,
        indicatorNaam: t.indicator.name,
        eenheid: t.indicator.unit,
        decimalen: t.indicator.decimals,
        polariteit: t.indicator.polarity,
        gebiedCode: t.area.code,
        gebiedNaam: t.area.label ?? t.area.name,
        horizon: h.target.horizon,
        doeljaar: h.target.targetYear,
        soort: h.target.kind,
        streefwaarde: h.target.targetValue,
        planTekst: h.target.planText,
        referentiegebied: h.target.referenceAreaCode,
        basisJaar: t.baseline?.year ?? null,
        basisWaarde: t.baseline?.value ?? null,
        basisPeriode: t.baseline?.period ?? null,
        laatsteJaar: t.latest?.year ?? null,
        laatsteWaarde: t.latest?.suppressed ? null : (t.latest?.value ?? null),
        laatsteGeheim: Boolean(t.latest?.suppressed),
        status: toStatus(h.judgement.status),
        statusLabel: h.judgement.statusLabel,
        score: h.judgement.score,
        verwachtNu: h.judgement.expectedValue,
        aandeelVanDeWeg: h.judgement.shareOfWay,
        reeks,
        bronnen: [...new Set(t.series.filter((o) => o.value !== null && !o.suppressed).map((o) => o.source))],
        referentieReeks,
        referentieNaam: t.reference?.area.name ?? null,
        ...referenceLevel(h.target.kind, h.judgement, referentieReeks),
        beoordeeldJaar: h.judgement.year,
        planStatus: h.judgement.planReading ? toStatus(h.judgement.planReading.status) : null,
        uitleg: h.judgement.explanation,
        judgement: h.judgement,
      });
    }
  }
  return out;
}

/**
 * The programme's buurten for the map outline: the programme area's members and focus buurten;
 * a focus wijk becomes the buurten in it (a CBS buurt code is its wijk code plus two digits).
 */
export function programmeBuurten(detail: ProgrammeDetail | undefined, buurtCodes: string[]): string[] {
  if (!detail) return [];
  const out = new Set<string>();
  for (const area of detail.gebieden) {
    if (area.code.startsWith('BU')) out.add(area.code);
    else if (area.code.startsWith('WK')) {
      const prefix = `BU${area.code.slice(2)}`;
      for (const b of buurtCodes) if (b.startsWith(prefix) && b.length === prefix.length + 2) out.add(b);
    }
  }
  return [...out];
}
