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
export type TargetProgressBody = ProgrammeProgressBody['streefwaarden'][number];
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
  basisPeriode: { label: string; jaren: number; perJaar: number | null } | null;
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
  oordeel: Judgement | null;
  /** A real series of another definition, read as a direction (only while this has just a baseline). */
  verwant: NonNullable<TargetProgressBody['verwant']> | null;
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

function points(series: Array<{ jaar: number; waarde: number | null; geheim?: unknown }>): Point[] {
  return series
    .filter((o) => o.waarde !== null && !o.geheim)
    .map((o) => ({ jaar: o.jaar, waarde: o.waarde as number }))
    .sort((a, b) => a.jaar - b.jaar);
}

/**
 * A programme area's summed figures (the API's memberSums) as observations of that area, so the
 * profile's table, cards and charts read them like any other figure.
 */
export function memberSumObservations(
  sums: Array<{ indicatorId: string; reeks: TargetProgressBody['reeks'] }>,
  area: { code: string; naam: string; niveau: Gebied['niveau'] },
): Observation[] {
  return sums.flatMap((s) =>
    s.reeks.map((o) => ({
      id: 0,
      indicator: s.indicatorId,
      gebied: area.code,
      gebiedsnaam: area.naam,
      niveau: area.niveau,
      indeling: o.indeling,
      periode: o.periode,
      jaar: o.jaar,
      waarde: o.waarde,
      teller: o.teller,
      noemer: o.noemer,
      vlaggen: [],
      bronvlaggen: [],
      interval95: null,
      afronding: { waarde: null, aantallen: o.afrondingAantallen ?? null },
      geheim: null,
      bron: o.bron,
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
  const judged = judgement.invoer.referentieHuidigeWaarde;
  if (judged !== null) return { referentieNu: judged, referentieJaar: judgement.jaar };
  const last = series.at(-1);
  return { referentieNu: last?.waarde ?? null, referentieJaar: last?.jaar ?? null };
}

/** Every horizon of every target as its own flat row, in the order the API gives them. */
export function flattenTargets(targets: TargetProgressBody[]): TargetProgress[] {
  const out: TargetProgress[] = [];
  for (const t of targets) {
    const reeks = points(t.reeks);
    const referentieReeks = t.referentie ? points(t.referentie.reeks) : [];
    for (const h of t.horizonnen) {
      out.push({
        key: `${t.indicator.id}|${t.gebied.code}|${h.doel.horizon}`,
        indicatorId: t.indicator.id,
        indicatorNaam: t.indicator.naam,
        eenheid: t.indicator.eenheid,
        decimalen: t.indicator.decimalen,
        polariteit: t.indicator.polariteit,
        gebiedCode: t.gebied.code,
        gebiedNaam: t.gebied.label ?? t.gebied.naam,
        horizon: h.doel.horizon,
        doeljaar: h.doel.streefjaar,
        soort: h.doel.soort,
        streefwaarde: h.doel.streefwaarde,
        planTekst: h.doel.planTekst,
        referentiegebied: h.doel.referentiegebied,
        basisJaar: t.basis?.jaar ?? null,
        basisWaarde: t.basis?.waarde ?? null,
        basisPeriode: t.basis?.periode ?? null,
        laatsteJaar: t.laatste?.jaar ?? null,
        laatsteWaarde: t.laatste?.geheim ? null : (t.laatste?.waarde ?? null),
        laatsteGeheim: Boolean(t.laatste?.geheim),
        status: toStatus(h.oordeel.status),
        statusLabel: h.oordeel.statusLabel,
        score: h.oordeel.score,
        verwachtNu: h.oordeel.verwachteWaarde,
        aandeelVanDeWeg: h.oordeel.aandeelVanDeWeg,
        reeks,
        bronnen: [...new Set(t.reeks.filter((o) => o.waarde !== null && !o.geheim).map((o) => o.bron))],
        referentieReeks,
        referentieNaam: t.referentie?.gebied.naam ?? null,
        ...referenceLevel(h.doel.soort, h.oordeel, referentieReeks),
        beoordeeldJaar: h.oordeel.jaar,
        planStatus: h.oordeel.planLezing ? toStatus(h.oordeel.planLezing.status) : null,
        uitleg: h.oordeel.uitleg,
        oordeel: h.oordeel,
        verwant: t.verwant ?? null,
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
