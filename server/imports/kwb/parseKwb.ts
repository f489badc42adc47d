import { levelOfCode } from '../../areas/areaCodes.ts';
import type { AreaLevel } from '../../db/Database.ts';
import { isCountIndicator } from '../../disclosure/applyDisclosure.ts';
import { cbsTableTitle } from '../catalogue/cbsTables.ts';
import { readIndicatorCatalogue } from '../catalogue/indicatorCatalogue.ts';
import type { ParsedObservation, RowError } from '../observationRow.ts';
import { rowError } from '../observationRow.ts';
import { detectDelimiter, firstLine } from '../text/decodeText.ts';
import { readCsv } from '../text/readCsv.ts';
import {
  boundaryVintageForKwbYear,
  type KwbColumnMap,
  kwbYearFromName,
  readKwbColumnMap,
  stripColumnSuffix,
  tableIdForYear,
} from './kwbColumnMap.ts';

/** A region named in the KWB file, so areas can be created for it when asked to. */
export interface KwbRegion {
  code: string;
  name: string;
  level: AreaLevel;
  line: number;
}

export interface KwbParseResult {
  year: number | undefined;
  vintage: number | undefined;
  tableId: string | undefined;
  observations: ParsedObservation[];
  regions: KwbRegion[];
  /** Columns of the file that map to no indicator (kept for the report, not an error). */
  ignoredColumns: string[];
  errors: RowError[];
  warnings: RowError[];
}

interface KwbRecord {
  line: number;
  values: Map<string, unknown>; // original column key → raw value
}

/**
 * Parses a KWB table of any year (CSV with `;` or `,`, or JSON of the OData TypedDataSet / plain
 * records) into observations. Columns are matched on their name without the numeric suffix.
 * Empty cells are "not published (yet)" and produce nothing; CBS's "." becomes a confidential
 * observation without a value. Pure: no database.
 */
export function parseKwb(
  text: string,
  options: { fileName: string; year?: number | undefined },
  columnMap: KwbColumnMap = readKwbColumnMap(),
): KwbParseResult {
  const result: KwbParseResult = {
    year: undefined,
    vintage: undefined,
    tableId: undefined,
    observations: [],
    regions: [],
    ignoredColumns: [],
    errors: [],
    warnings: [],
  };
  const fail = (line: number, message: string, column?: string) => {
    result.errors.push(rowError(line, column, message));
    return result;
  };
  if (text.trim() === '') return fail(0, 'Het bestand is leeg.');

  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  let keys: string[];
  let records: KwbRecord[];
  let tableIdInFile: string | undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJsonRecords(trimmed);
    if (!json.ok) return fail(0, json.message);
    keys = json.keys;
    records = json.records;
    tableIdInFile = json.tableId;
  } else {
    const delimiter = detectDelimiter(firstLine(trimmed));
    if (!delimiter) {
      return fail(
        1,
        'Het scheidingsteken is niet herkend: de kopregel bevat geen puntkomma (;) en geen komma (,).',
      );
    }
    const csv = readCsv(trimmed, delimiter);
    if (!csv.ok) return fail(csv.line, csv.message);
    keys = csv.header;
    const decimalComma = delimiter === ';';
    records = csv.records.map((record) => ({
      line: record.line,
      values: new Map(
        keys.map((key, index) => {
          const raw = record.fields[index] ?? '';
          // A `;` file may come from Dutch Excel with decimal commas; CBS's own downloads use points.
          return [key, decimalComma && /^\s*-?\d+,\d+\s*$/.test(raw) ? raw.replace(',', '.') : raw] as const;
        }),
      ),
    }));
  }

  const year =
    options.year ??
    (tableIdInFile ? kwbYearFromName(tableIdInFile, columnMap) : undefined) ??
    kwbYearFromName(options.fileName, columnMap);
  if (year === undefined) {
    return fail(
      0,
      'Het jaar van deze KWB-tabel is onbekend: noem het in de bestandsnaam (bijv. kwb2024_…) of geef het jaar op (--jaar 2024).',
    );
  }
  const vintage = boundaryVintageForKwbYear(year, columnMap);
  if (vintage === undefined) {
    return fail(0, `Voor KWB-jaar ${year} is geen gebiedsindeling bekend (geodata/kwb-columns.json).`);
  }
  result.year = year;
  result.vintage = vintage;
  result.tableId = tableIdInFile ?? tableIdForYear(year, columnMap);

  const codeKey = findRegionCodeKey(keys, records, columnMap);
  if (!codeKey) {
    return fail(1, 'De kolom met de gebiedscode (Codering_…) ontbreekt.', 'Codering');
  }
  const nameKey = keys.find((key) => stripColumnSuffix(key) === 'WijkenEnBuurten');

  const countIndicators = new Set(
    readIndicatorCatalogue()
      .filter((indicator) => isCountIndicator(indicator))
      .map((indicator) => indicator.id),
  );
  const mapped: { key: string; indicatorId: string; column: (typeof columnMap.columns)[string] }[] = [];
  const seenIndicators = new Map<string, string>();
  for (const key of keys) {
    const column = columnMap.columns[stripColumnSuffix(key)];
    if (!column) {
      if (key !== codeKey && key !== nameKey && key !== 'ID') result.ignoredColumns.push(key);
      continue;
    }
    const earlier = seenIndicators.get(column.indicator);
    if (earlier) {
      result.warnings.push(
        rowError(
          1,
          key,
          `Kolom ${key} geeft dezelfde indicator (${column.indicator}) als ${earlier}; genegeerd.`,
        ),
      );
      continue;
    }
    seenIndicators.set(column.indicator, key);
    mapped.push({ key, indicatorId: column.indicator, column });
  }
  if (mapped.length === 0) {
    return fail(1, 'Geen enkele kolom van dit bestand is een bekende KWB-kolom (geodata/kwb-columns.json).');
  }

  const title = (result.tableId && cbsTableTitle(result.tableId)) || `Kerncijfers wijken en buurten ${year}`;
  const source = `CBS, ${title}${result.tableId ? ` (${result.tableId})` : ''}`;
  // A share's numerator and denominator columns, when the map names them (Arbeidsdeelname tables).
  const keyOf = (name: string | undefined) =>
    name === undefined ? undefined : keys.find((key) => stripColumnSuffix(key) === name);
  const countOf = (record: KwbRecord, key: string | undefined): number | null => {
    if (key === undefined) return null;
    const raw = record.values.get(key);
    const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
    return typeof raw === 'number' || (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw))
      ? value
      : null;
  };
  const countKeys = new Map(
    mapped.map(({ key, column }) => [
      key,
      { numerator: keyOf(column.numeratorColumn), denominator: keyOf(column.denominatorColumn) },
    ]),
  );
  const period = String(year);
  const seenCodes = new Map<string, number>();
  for (const record of records) {
    const code = String(record.values.get(codeKey) ?? '').trim();
    if (code === '') {
      result.errors.push(rowError(record.line, codeKey, 'De gebiedscode ontbreekt.'));
      continue;
    }
    const level = levelOfCode(code);
    if (!level) {
      result.errors.push(
        rowError(record.line, codeKey, `'${code}' is geen CBS-gebiedscode (NL00, GM…, WK… of BU…).`),
      );
      continue;
    }
    const earlierLine = seenCodes.get(code);
    if (earlierLine !== undefined) {
      result.errors.push(
        rowError(
          record.line,
          codeKey,
          `Gebied ${code} staat twee keer in het bestand (ook op regel ${earlierLine}).`,
        ),
      );
      continue;
    }
    seenCodes.set(code, record.line);
    const rawName = nameKey ? String(record.values.get(nameKey) ?? '').trim() : '';
    result.regions.push({
      code,
      level,
      line: record.line,
      name: rawName && rawName !== code ? rawName : code,
    });

    for (const { key, indicatorId, column } of mapped) {
      const raw = record.values.get(key);
      if (raw === null || raw === undefined) continue;
      const cell = typeof raw === 'number' ? raw : String(raw).trim();
      if (cell === '') continue;
      const base = {
        line: record.line,
        column: key,
        indicatorId,
        areaCode: code,
        vintage,
        period,
        year,
        numerator: countOf(record, countKeys.get(key)?.numerator),
        denominator: countOf(record, countKeys.get(key)?.denominator),
        provisional: false,
        valueRounding: column.valueRounding ?? null,
        countRounding:
          level === 'gemeente' || level === 'wijk' || level === 'buurt'
            ? (column.countRounding?.[level] ?? null)
            : null,
        source,
      };
      if (cell === '.') {
        result.observations.push({
          ...base,
          value: null,
          numerator: null,
          denominator: null,
          confidential: true,
        });
        continue;
      }
      const value = typeof cell === 'number' ? cell : Number(cell);
      if (
        typeof cell === 'string' &&
        (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell) || !Number.isFinite(value))
      ) {
        result.errors.push(rowError(record.line, key, `'${cell}' is geen getal.`));
        continue;
      }
      // A count's value is its teller: disclosure then applies the minimum count to it (D3).
      const numerator = countIndicators.has(indicatorId) ? value : null;
      result.observations.push({ ...base, value, numerator, confidential: false });
    }
  }
  return result;
}

function findRegionCodeKey(
  keys: string[],
  records: KwbRecord[],
  columnMap: KwbColumnMap,
): string | undefined {
  for (const wanted of columnMap.regionCodeColumns) {
    const key = keys.find((candidate) => stripColumnSuffix(candidate) === wanted);
    if (!key) continue;
    if (wanted === 'Codering') return key;
    // WijkenEnBuurten holds codes in the raw OData download but names in label exports.
    const sample = records.slice(0, 5).map((record) => String(record.values.get(key) ?? '').trim());
    if (sample.length === 0 || sample.every((value) => levelOfCode(value) !== undefined)) return key;
  }
  return undefined;
}

type JsonRecords =
  | { ok: true; keys: string[]; records: KwbRecord[]; tableId: string | undefined }
  | { ok: false; message: string };

/** Accepts the OData shape `{ value: [...] }`, a bare array of records, or `{ rows: [...], table }`. */
function readJsonRecords(text: string): JsonRecords {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Het bestand is geen geldige JSON: ${(error as Error).message}` };
  }
  let rows: unknown;
  let tableId: string | undefined;
  if (Array.isArray(data)) rows = data;
  else if (data && typeof data === 'object') {
    const object = data as Record<string, unknown>;
    rows = object.value ?? object.rows;
    const metadata = object['odata.metadata'];
    const candidate =
      typeof object.table === 'string' ? object.table : typeof metadata === 'string' ? metadata : '';
    tableId = /\d{5}NED/.exec(candidate)?.[0];
  }
  if (!Array.isArray(rows)) {
    return {
      ok: false,
      message: 'De JSON bevat geen lijst met records (verwacht: "value": [...] of een lijst).',
    };
  }
  const keys = new Set<string>();
  const records: KwbRecord[] = [];
  rows.forEach((row, index) => {
    if (!row || typeof row !== 'object') return;
    const values = new Map(Object.entries(row as Record<string, unknown>));
    for (const key of values.keys()) keys.add(key);
    records.push({ line: index + 1, values });
  });
  return { ok: true, keys: [...keys], records, tableId };
}
