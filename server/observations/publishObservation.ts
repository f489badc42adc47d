import type { Flag, ObservationBody } from '../../schemas/observations.ts';
import type { AreaLevel } from '../db/Database.ts';
import { type DisclosureRule, discloseObservation, type Suppression } from '../disclosure/applyDisclosure.ts';

/** The columns of an observation (or an earlier revision of one) that publishing looks at. */
export interface FigureRow {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
  confidential: boolean;
  /** Secondary suppression (decision 0082); revisions take their observation's. */
  withheld?: boolean;
  value_rounding: number | null;
  count_rounding: number | null;
  source: string;
  /** The source file's own flags, `|`-separated (migration 2026_12_01_0800). */
  flags: string | null;
  interval_low: number | null;
  interval_high: number | null;
}

export interface ObservationRow extends FigureRow {
  id: number;
  indicator_id: string;
  area_code: string;
  area_name: string;
  level: AreaLevel;
  vintage: number;
  period: string;
  year: number;
  import_id: number | null;
  updated_at: Date | string;
  withheld: boolean;
}

export const toIso = (value: Date | string) => new Date(value).toISOString();

export function flagsOf(row: FigureRow, suppressed: Suppression | null): Flag[] {
  const flags: Flag[] = [];
  if (row.provisional) flags.push('voorlopig');
  if (suppressed) flags.push('geheim');
  if (row.value_rounding != null || row.count_rounding != null) flags.push('afgerond');
  return flags;
}

/** The source file's flags as a list, e.g. `regiocode_afgeleid_uit_volgorde_en_naam(KWB2024_85984NED)`. */
export const sourceFlagsOf = (row: FigureRow): string[] => (row.flags ? row.flags.split('|') : []);

/** A published 95% interval, or null; never shown for a suppressed value. */
export function intervalOf(
  row: FigureRow,
  suppressed: Suppression | null,
): { onder: number; boven: number } | null {
  if (suppressed || row.interval_low == null || row.interval_high == null) return null;
  return { onder: row.interval_low, boven: row.interval_high };
}

export const suppressionBody = (suppressed: Suppression | null) =>
  suppressed ? { reden: suppressed.reason, label: suppressed.label, toelichting: suppressed.text } : null;

/** Figures as they may leave the server: always through the one disclosure function. */
export function publishFigures(rule: DisclosureRule, row: FigureRow) {
  const disclosed = discloseObservation(rule, row);
  return {
    waarde: disclosed.value,
    teller: disclosed.numerator,
    noemer: disclosed.denominator,
    vlaggen: flagsOf(row, disclosed.suppressed),
    afronding: { waarde: row.value_rounding, aantallen: row.count_rounding },
    geheim: suppressionBody(disclosed.suppressed),
    bron: row.source,
    bronvlaggen: sourceFlagsOf(row),
    interval95: intervalOf(row, disclosed.suppressed),
  };
}

export function publishObservation(rule: DisclosureRule, row: ObservationRow): ObservationBody {
  return {
    id: row.id,
    indicator: row.indicator_id,
    gebied: row.area_code,
    gebiedsnaam: row.area_name,
    niveau: row.level,
    indeling: row.vintage,
    periode: row.period,
    jaar: row.year,
    ...publishFigures(rule, row),
    importId: row.import_id,
    bijgewerkt: toIso(row.updated_at),
  };
}
