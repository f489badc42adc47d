import type { ParsedObservation, RowError } from '../observationRow.ts';
import { rowError } from '../observationRow.ts';
import { readCsv } from '../text/readCsv.ts';
import { areaCodeOf, hasHeaderWidth } from '../text/recordChecks.ts';

// Long-format series files (shared/data/series-gm1916, geodata/packs/*): one value per row,
// `gebiedscode;indicator;periode;waarde;teller;noemer;bron;flag`, `;` with decimal POINT, UTF-8.
// Each row carries its own source (`bron`) and flags; both are kept per value.

export const SERIES_COLUMNS = [
  'gebiedscode',
  'indicator',
  'periode',
  'waarde',
  'teller',
  'noemer',
  'bron',
  'flag',
];

/** Suffixes of the rows that carry a 95% interval's ends for the indicator without the suffix. */
const LOWER = '_ondergrens95';
const UPPER = '_bovengrens95';
/** The flag that marks an empty `waarde` as "missing in the source" (CBS "." or not published). */
export const MISSING_FLAG = 'ontbreekt_in_bron';
const NUMBER = /^-?\d+(\.\d+)?$/;
const AREA_CODE = /^(NL00|GM\d{4}|WK\d{6}|BU\d{8})$/;

export interface SeriesParseResult {
  observations: ParsedObservation[];
  errors: RowError[];
  warnings: RowError[];
  rowsRead: number;
  /** Rows with an empty value flagged `ontbreekt_in_bron`: not stored. */
  rowsMissing: number;
}

/**
 * `2019` → a year; `2019H1`/`2019H2` → a half year (year 2019); `maatstafjaar_2016` (CBS
 * gemeentefonds tables that name no peildatum) → year 2016, the source's wording kept as a flag.
 */
export function parseSeriesPeriod(text: string): { period: string; year: number; flag?: string } | undefined {
  let match = /^(\d{4})(H[12])?$/.exec(text);
  if (match) return { period: text, year: Number(match[1]) };
  match = /^maatstafjaar_(\d{4})$/.exec(text);
  if (match) return { period: match[1]!, year: Number(match[1]), flag: `periode_in_bron=${text}` };
  return undefined;
}

/**
 * Parses a long-format series file. Pure: no database (area codes, indicators and the indeling
 * are checked by the importer). The whole file is checked; any error refuses it.
 * Rows `<indicator>_ondergrens95` / `_bovengrens95` become the interval of the `<indicator>` row
 * of the same area and period.
 */
export function parseSeriesCsv(text: string): SeriesParseResult {
  const result: SeriesParseResult = {
    observations: [],
    errors: [],
    warnings: [],
    rowsRead: 0,
    rowsMissing: 0,
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    result.errors.push(rowError(0, undefined, 'Het bestand is leeg.'));
    return result;
  }
  const csv = readCsv(body, ';');
  if (!csv.ok) {
    result.errors.push(rowError(csv.line, undefined, csv.message));
    return result;
  }
  const names = csv.header.map((name) => name.toLowerCase());
  const missing = SERIES_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    result.errors.push(
      rowError(
        1,
        missing[0],
        `De kolom${missing.length > 1 ? 'men' : ''} ${missing.map((n) => `'${n}'`).join(', ')} ontbre${missing.length > 1 ? 'ken' : 'ekt'} in de kopregel; verwacht: ${SERIES_COLUMNS.join(';')} (puntkomma's, decimale punt).`,
      ),
    );
    return result;
  }
  if (csv.records.length === 0) {
    result.errors.push(rowError(0, undefined, 'Het bestand bevat alleen een kopregel en geen gegevens.'));
    return result;
  }
  const at = (name: string) => names.indexOf(name);
  const bounds = new Map<string, { line: number; side: 'low' | 'high'; value: number }[]>();
  const byKey = new Map<string, ParsedObservation>();
  for (const { line, fields } of csv.records) {
    result.rowsRead++;
    const cell = (name: string) => (fields[at(name)] ?? '').trim();
    const before = result.errors.length;
    const error = (column: string | undefined, message: string) =>
      result.errors.push(rowError(line, column, message));
    if (!hasHeaderWidth(fields, csv.header.length, error)) continue;
    const areaCode = areaCodeOf(
      cell('gebiedscode'),
      AREA_CODE,
      (raw) => `'${raw}' is geen CBS-gebiedscode (NL00, GM…, WK… of BU…).`,
      error,
    );
    const indicator = cell('indicator').toLowerCase();
    if (!/^[a-z][a-z0-9_]*$/.test(indicator))
      error(
        'indicator',
        indicator === '' ? 'De indicator ontbreekt.' : `'${indicator}' is geen indicator-id.`,
      );
    const periodText = cell('periode');
    const period = parseSeriesPeriod(periodText);
    if (!period)
      error(
        'periode',
        `'${periodText}' is geen periode; schrijf een jaar (2020) of een halfjaar (2020H1 of 2020H2).`,
      );
    const flags = cell('flag');
    const number = (name: string): number | null | undefined => {
      const raw = cell(name);
      if (raw === '') return null;
      if (NUMBER.test(raw)) return Number(raw);
      error(
        name,
        /^-?\d+,\d+$/.test(raw)
          ? `'${raw}' is geen getal in dit formaat: schrijf een decimale punt (12.5).`
          : `'${raw}' is geen getal.`,
      );
      return undefined;
    };
    const value = number('waarde');
    const numerator = number('teller');
    const denominator = number('noemer');
    const source = cell('bron');
    if (source === '') error('bron', 'De bron ontbreekt; elke waarde noemt haar eigen bron.');
    const flagList = flags === '' ? [] : flags.split('|').map((flag) => flag.trim());
    const missingInSource = flagList.some((flag) => flag.startsWith(MISSING_FLAG));
    if (value === null && !missingInSource)
      error('waarde', `De waarde ontbreekt; laat de waarde alleen leeg met de vlag ${MISSING_FLAG}.`);
    if (numerator != null && denominator != null && numerator > denominator)
      error('teller', `De teller (${numerator}) is groter dan de noemer (${denominator}).`);
    if (result.errors.length > before || !period) continue;
    if (value === null) {
      result.rowsMissing++;
      continue;
    }
    const side = indicator.endsWith(LOWER) ? 'low' : indicator.endsWith(UPPER) ? 'high' : null;
    if (side) {
      const base = indicator.slice(0, -LOWER.length);
      const key = `${areaCode}|${base}|${period.period}`;
      bounds.set(key, [...(bounds.get(key) ?? []), { line, side, value: value! }]);
      continue;
    }
    const key = `${areaCode}|${indicator}|${period.period}`;
    const earlier = byKey.get(key);
    if (earlier) {
      error(
        undefined,
        `Dubbele regel: ${areaCode}, ${indicator}, ${periodText} staat ook op regel ${earlier.line}.`,
      );
      continue;
    }
    const allFlags = period.flag ? [...flagList, period.flag] : flagList;
    const observation: ParsedObservation = {
      line,
      column: 'waarde',
      indicatorId: indicator,
      areaCode,
      vintage: undefined,
      period: period.period,
      year: period.year,
      value: value!,
      numerator: numerator ?? null,
      denominator: denominator ?? null,
      provisional: false,
      confidential: false,
      valueRounding: null,
      countRounding: null,
      source,
      flags: allFlags.length > 0 ? allFlags.join('|') : null,
      intervalLow: null,
      intervalHigh: null,
    };
    byKey.set(key, observation);
    result.observations.push(observation);
  }
  for (const [key, ends] of bounds) {
    const [areaCode, indicator, period] = key.split('|');
    const target = byKey.get(key);
    const first = ends[0]!;
    if (!target) {
      result.errors.push(
        rowError(
          first.line,
          'indicator',
          `Een grens van het 95%-interval zonder waarde: ${areaCode}, ${indicator}, ${period} heeft geen regel met de waarde zelf.`,
        ),
      );
      continue;
    }
    for (const end of ends) {
      if (end.side === 'low') target.intervalLow = end.value;
      else target.intervalHigh = end.value;
    }
    const { intervalLow: low, intervalHigh: high, value } = target;
    if (low == null || high == null) {
      result.errors.push(
        rowError(
          first.line,
          'indicator',
          `Van het 95%-interval van ${areaCode}, ${indicator}, ${period} ontbreekt één grens.`,
        ),
      );
    } else if (!(low <= value! && value! <= high)) {
      result.errors.push(
        rowError(
          first.line,
          'waarde',
          `Het 95%-interval ${low}–${high} van ${areaCode}, ${indicator}, ${period} bevat de waarde ${value} niet.`,
        ),
      );
    }
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
