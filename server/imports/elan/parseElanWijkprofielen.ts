import type { ParsedObservation, RowError } from '../observationRow.ts';
import { rowError } from '../observationRow.ts';
import { readCsv } from '../text/readCsv.ts';

// ELAN/LUMC wijkprofielen (repository elan-dcc/wijkprofielen, MIT licence, data/df_count_ver_3.csv):
// one row per wijk × year with shares of ALL residents (fractions 0–1), derived by LUMC/ELAN from
// CBS microdata. See docs/decisions/0013-elan-wijkprofielen.md.

/** ELAN column → indicator in geodata/indicators.json. Only columns about financial self-reliance. */
export const ELAN_COLUMNS: readonly { column: string; indicatorId: string }[] = [
  { column: '%_Welfare_benefit_user', indicatorId: 'elan_inwoners_bijstand_pct' },
  { column: '%_Unemployment_benefit_user', indicatorId: 'elan_inwoners_werkloosheidsuitkering_pct' },
  { column: '%_Employee', indicatorId: 'elan_inwoners_werknemer_pct' },
  { column: '%_Wanbet', indicatorId: 'elan_inwoners_wanbetaler_zorgverzekering_pct' },
  { column: '%_WMO_user', indicatorId: 'elan_inwoners_wmo_pct' },
];

export const ELAN_SOURCE =
  'ELAN/LUMC wijkprofielen (elan-dcc/wijkprofielen, MIT-licentie), op basis van CBS-microdata';

/**
 * The wijkindeling ELAN computed every year on: the current one, not the indeling in force that
 * year. Evidence in the file itself: WK191613 (Voorburg Oud, created by CBS after 2017) has figures
 * from 2009 on, and WK191609 has about half its 2017-indeling population in 2009–2019. So all
 * years are stored on vintage 2022, not through the KWB year→vintage map.
 */
export const ELAN_BOUNDARY_VINTAGE = 2022;

/** Total_Population is published rounded to tens; the derived counts are as uncertain. */
export const ELAN_COUNT_ROUNDING = 10;

export interface ElanParseResult {
  observations: ParsedObservation[];
  errors: RowError[];
  warnings: RowError[];
  /** Data rows in the file (header not counted). */
  rowsRead: number;
  /** Shares stored as exactly 0 (or empty), left out as "not available", per ELAN column. */
  zerosSkipped: Record<string, number>;
}

const CODE = 'WKC';
const YEAR = 'YEAR';
const POPULATION = 'Total_Population';
const WIJK_CODE = /^WK\d{4}[0-9A-Z]{2}$/;
const CATCH_ALL = /^WK\d{4}--$/;
const NUMBER = /^-?\d+(\.\d+)?([eE]-?\d+)?$/;

/**
 * Parses the ELAN wijkprofielen count table (comma-separated, decimal point). Pure: no database;
 * the boundary vintage is decided by the importer. Rules:
 * - shares (0–1) become percentages; numerator = round(share × Total_Population), denominator =
 *   Total_Population, both uncertain to ±5 (count rounding 10);
 * - a share of exactly 0 or an empty cell is "not available" (ELAN writes 0 for years a source is
 *   missing, e.g. income-based columns before 2011, and for cells it could not fill): no observation;
 * - the catch-all wijk `WK1916--` ("Wijk onbekend") is skipped with a warning.
 */
export function parseElanWijkprofielen(text: string): ElanParseResult {
  const result: ElanParseResult = {
    observations: [],
    errors: [],
    warnings: [],
    rowsRead: 0,
    zerosSkipped: {},
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    result.errors.push(rowError(0, undefined, 'Het bestand is leeg.'));
    return result;
  }
  const csv = readCsv(body, ',');
  if (!csv.ok) {
    result.errors.push(rowError(csv.line, undefined, csv.message));
    return result;
  }
  const index = new Map(csv.header.map((name, position) => [name, position] as const));
  const required = [CODE, YEAR, POPULATION, ...ELAN_COLUMNS.map((entry) => entry.column)];
  const missing = required.filter((name) => !index.has(name));
  if (missing.length > 0) {
    result.errors.push(
      rowError(
        1,
        undefined,
        `${missing.length === 1 ? 'De kolom' : 'De kolommen'} ${missing.join(', ')} ${missing.length === 1 ? 'ontbreekt' : 'ontbreken'}; verwacht is de tabel van de ELAN-wijkprofielen (df_count_ver_3.csv), met komma's gescheiden.`,
      ),
    );
    return result;
  }
  const cell = (fields: string[], name: string) => (fields[index.get(name)!] ?? '').trim();

  const seen = new Map<string, number>();
  const catchAll: { code: string; lines: number[] } = { code: '', lines: [] };
  for (const record of csv.records) {
    result.rowsRead++;
    const { line, fields } = record;
    const code = cell(fields, CODE);
    if (CATCH_ALL.test(code)) {
      catchAll.code = code;
      catchAll.lines.push(line);
      continue;
    }
    let ok = true;
    if (code === '') {
      result.errors.push(rowError(line, CODE, 'De wijkcode ontbreekt.'));
      ok = false;
    } else if (!WIJK_CODE.test(code)) {
      result.errors.push(
        rowError(line, CODE, `'${code}' is geen CBS-wijkcode (WK gevolgd door zes tekens).`),
      );
      ok = false;
    }
    const yearText = cell(fields, YEAR);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (year === undefined) {
      result.errors.push(rowError(line, YEAR, `'${yearText}' is geen jaartal.`));
      ok = false;
    }
    const populationText = cell(fields, POPULATION);
    let population: number | null = null;
    if (populationText !== '') {
      const parsed = NUMBER.test(populationText) ? Number(populationText) : Number.NaN;
      if (!Number.isFinite(parsed) || parsed < 0) {
        result.errors.push(rowError(line, POPULATION, `'${populationText}' is geen aantal inwoners.`));
        ok = false;
      } else if (parsed > 0) {
        population = parsed;
      }
    }
    if (ok && year !== undefined) {
      const key = `${code}|${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        result.errors.push(
          rowError(line, undefined, `Dubbele regel: ${code}, ${year} staat ook op regel ${earlier}.`),
        );
        ok = false;
      } else {
        seen.set(key, line);
      }
    }
    for (const { column, indicatorId } of ELAN_COLUMNS) {
      const raw = cell(fields, column);
      if (raw === '') {
        result.zerosSkipped[column] = (result.zerosSkipped[column] ?? 0) + 1;
        continue;
      }
      const share = NUMBER.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isFinite(share)) {
        result.errors.push(rowError(line, column, `'${raw}' is geen getal.`));
        ok = false;
        continue;
      }
      if (share < 0 || share > 1) {
        result.errors.push(
          rowError(
            line,
            column,
            `'${raw}' ligt niet tussen 0 en 1; verwacht is een aandeel van de inwoners.`,
          ),
        );
        ok = false;
        continue;
      }
      if (share === 0) {
        result.zerosSkipped[column] = (result.zerosSkipped[column] ?? 0) + 1;
        continue;
      }
      if (!ok || year === undefined) continue;
      result.observations.push({
        line,
        column,
        indicatorId,
        areaCode: code,
        vintage: undefined,
        period: String(year),
        year,
        value: Number((share * 100).toFixed(6)),
        numerator: population === null ? null : Math.round(share * population),
        denominator: population,
        provisional: false,
        confidential: false,
        valueRounding: null,
        countRounding: population === null ? null : ELAN_COUNT_ROUNDING,
        source: ELAN_SOURCE,
      });
    }
  }
  if (result.errors.length > 0) result.observations = [];
  if (catchAll.lines.length > 0) {
    result.warnings.push(
      rowError(
        catchAll.lines[0]!,
        CODE,
        `${catchAll.lines.length} ${catchAll.lines.length === 1 ? 'regel' : 'regels'} van de restgroep '${catchAll.code}' (wijk onbekend) overgeslagen: geen gebied.`,
      ),
    );
  }
  const zeros = Object.entries(result.zerosSkipped);
  if (zeros.length > 0) {
    result.warnings.push(
      rowError(
        0,
        undefined,
        `Aandelen van 0 of leeg gelden als 'niet beschikbaar' en zijn niet opgeslagen: ${zeros.map(([column, count]) => `${column} ${count}×`).join(', ')}.`,
      ),
    );
  }
  return result;
}
