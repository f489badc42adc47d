import { gemeenteCodeOf, levelOfCode } from '../../areas/areaCodes.ts';
import type { AreaLevel } from '../../db/Database.ts';
import { isCountIndicator } from '../../disclosure/applyDisclosure.ts';
import { cbsTableTitle } from '../catalogue/cbsTables.ts';
import { readIndicatorCatalogue } from '../catalogue/indicatorCatalogue.ts';
import type { ParsedObservation, RowError } from '../observationRow.ts';
import { rowError } from '../observationRow.ts';
import { detectDelimiter, firstLine } from '../text/decodeText.ts';
import { readCsvChunks, readCsvRecords, slicesOf } from '../text/readCsv.ts';
import {
  boundaryVintageForKwbYear,
  type KwbColumnMap,
  kwbYearFromName,
  readKwbColumnMap,
  stripColumnSuffix,
  tableIdForYear,
} from './kwbColumnMap.ts';
import { findRegionCodeKey, type KwbRecord, readJsonRecords } from './kwbRecords.ts';

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

export interface KwbParseOptions {
  fileName: string;
  year?: number | undefined;
  /**
   * Regions for which nothing is kept (no observations, no region): their rows are only counted
   * in `skipped`. The importer passes the gemeenten whose boundaries are not loaded, so a 1 M-row
   * file costs memory for the areas it can store, not for every row (D11).
   */
  skipRegion?: (code: string, level: AreaLevel) => boolean;
}

/** What `skipRegion` left out. */
export interface KwbSkipped {
  codes: number;
  observations: number;
  gemeenten: Set<string>;
}

/**
 * Parses a KWB table of any year (CSV with `;` or `,`, or JSON of the OData TypedDataSet / plain
 * records) into observations. Columns are matched on their name without the numeric suffix.
 * Empty cells are "not published (yet)" and produce nothing; CBS's "." becomes a confidential
 * observation without a value. Pure: no database. CSV records are handled one at a time as
 * csv-parse reads them; nothing per row is kept beyond the observations.
 */
export function parseKwb(
  text: string,
  options: KwbParseOptions,
  columnMap: KwbColumnMap = readKwbColumnMap(),
): KwbParseResult & { skipped: KwbSkipped } {
  const parser = startKwbParse(text, options, columnMap);
  if (parser.csv) {
    const error = readCsvRecords(parser.csv.text, parser.csv.delimiter, parser.csv.onRecord);
    if (error) return parser.fail(error.line, error.message);
  }
  return parser.finish();
}

/**
 * The same as parseKwb, but a CSV is fed to csv-parse in slices of 256 kB with a turn of the event
 * loop between them: a 48 MB file does not stall other requests for the half minute it takes
 * (D11, docs/decisions/0079). JSON is parsed whole, as by parseKwb.
 */
export function parseKwbYielding(
  text: string,
  options: KwbParseOptions,
  columnMap: KwbColumnMap = readKwbColumnMap(),
): Promise<KwbParseResult & { skipped: KwbSkipped }> {
  if (looksLikeJson(text)) return Promise.resolve(parseKwb(text, options, columnMap));
  return parseKwbStream(slicesOf(text), options, columnMap);
}

/**
 * parseKwb over text that arrives in chunks (an uploaded file read from disk, docs/decisions/0106):
 * the chunks up to the header line decide JSON or CSV and the delimiter; a CSV's records are then
 * handled as the chunks arrive, so the file is never one string. JSON is gathered and parsed whole.
 */
export async function parseKwbStream(
  chunks: Iterable<string> | AsyncIterable<string>,
  options: KwbParseOptions,
  columnMap: KwbColumnMap = readKwbColumnMap(),
): Promise<KwbParseResult & { skipped: KwbSkipped }> {
  const iterator = (
    Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]()
  ) as AsyncIterator<string> | Iterator<string>;
  let head = '';
  let ended = false;
  while (!ended && !withoutBom(head).trimStart().includes('\n')) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else head += next.value;
  }
  if (looksLikeJson(head)) {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) head += next.value;
    return parseKwb(head, options, columnMap);
  }
  const parser = startKwbParse(head, options, columnMap);
  if (parser.csv) {
    const { text, delimiter, onRecord } = parser.csv;
    const rest = async function* () {
      yield text;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    };
    const error = await readCsvChunks(rest(), delimiter, onRecord);
    if (error) return parser.fail(error.line, error.message);
  }
  return parser.finish();
}

// Slices, not copies: these run on the whole text of a large file.
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const looksLikeJson = (text: string) => /^[[{]/.test(withoutBom(text).trimStart());

interface KwbParse {
  csv?: { text: string; delimiter: ';' | ','; onRecord: (fields: string[], line: number) => void };
  fail: (line: number, message: string) => KwbParseResult & { skipped: KwbSkipped };
  finish: () => KwbParseResult & { skipped: KwbSkipped };
}

function startKwbParse(text: string, options: KwbParseOptions, columnMap: KwbColumnMap): KwbParse {
  const result: KwbParseResult & { skipped: KwbSkipped } = {
    year: undefined,
    vintage: undefined,
    tableId: undefined,
    observations: [],
    regions: [],
    ignoredColumns: [],
    errors: [],
    warnings: [],
    skipped: { codes: 0, observations: 0, gemeenten: new Set() },
  };
  let failed = false;
  const fail = (line: number, message: string, column?: string) => {
    result.errors.push(rowError(line, column, message));
    failed = true;
    return result;
  };
  const done = { fail: (line: number, message: string) => fail(line, message), finish: () => result };
  if (text.trim() === '') return { ...done, finish: () => fail(0, 'Het bestand is leeg.') };

  const trimmed = withoutBom(text).trimStart();
  if (looksLikeJson(trimmed)) {
    const json = readJsonRecords(trimmed);
    if (!json.ok) return { ...done, finish: () => fail(0, json.message) };
    const rows = begin(json.keys, json.records, json.tableId);
    if (rows) for (const record of json.records) rows(record);
    return done;
  }
  const delimiter = detectDelimiter(firstLine(trimmed));
  if (!delimiter) {
    const message =
      'Het scheidingsteken is niet herkend: de kopregel bevat geen puntkomma (;) en geen komma (,).';
    return { ...done, finish: () => fail(1, message) };
  }
  const decimalComma = delimiter === ';';
  let header: string[] | undefined;
  let index = new Map<string, number>();
  // The code column is chosen on the first five records (see findRegionCodeKey), so they wait.
  let pending: KwbRecord[] | undefined = [];
  let handle: ((record: KwbRecord) => void) | undefined;
  const asRecord = (fields: string[], line: number): KwbRecord => ({
    line,
    get: (key) => {
      const raw = fields[index.get(key) ?? -1] ?? '';
      // A `;` file may come from Dutch Excel with decimal commas; CBS's own downloads use points.
      return decimalComma && /^\s*-?\d+,\d+\s*$/.test(raw) ? raw.replace(',', '.') : raw;
    },
  });
  const flush = () => {
    if (!pending || !header) return;
    const waiting = pending;
    pending = undefined;
    handle = begin(header, waiting, undefined);
    if (handle) for (const record of waiting) handle(record);
  };
  const onRecord = (fields: string[], line: number) => {
    if (failed) return;
    if (!header) {
      header = fields.map((name) => name.trim());
      index = new Map(header.map((key, position) => [key, position]));
      return;
    }
    const record = asRecord(fields, line);
    if (pending) {
      pending.push(record);
      if (pending.length >= 5) flush();
      return;
    }
    handle?.(record);
  };
  return {
    csv: { text: trimmed, delimiter, onRecord },
    fail: done.fail,
    finish: () => {
      if (!header && !failed) return fail(0, 'Het bestand is leeg.');
      flush();
      return result;
    },
  };

  /** Reads the header; the handler of one record, or undefined when the file is refused. */
  function begin(
    keys: string[],
    sample: KwbRecord[],
    tableIdInFile: string | undefined,
  ): ((record: KwbRecord) => void) | undefined {
    const year =
      options.year ??
      (tableIdInFile ? kwbYearFromName(tableIdInFile, columnMap) : undefined) ??
      kwbYearFromName(options.fileName, columnMap);
    if (year === undefined) {
      fail(
        0,
        'Het jaar van deze KWB-tabel is onbekend: noem het in de bestandsnaam (bijv. kwb2024_…) of geef het jaar op (--jaar 2024).',
      );
      return undefined;
    }
    const vintage = boundaryVintageForKwbYear(year, columnMap);
    if (vintage === undefined) {
      fail(0, `Voor KWB-jaar ${year} is geen gebiedsindeling bekend (geodata/kwb-columns.json).`);
      return undefined;
    }
    result.year = year;
    result.vintage = vintage;
    result.tableId = tableIdInFile ?? tableIdForYear(year, columnMap);

    const codeKey = findRegionCodeKey(keys, sample, columnMap);
    if (!codeKey) {
      fail(1, 'De kolom met de gebiedscode (Codering_…) ontbreekt.', 'Codering');
      return undefined;
    }
    const nameKey = keys.find((key) => stripColumnSuffix(key) === 'WijkenEnBuurten');

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
      fail(1, 'Geen enkele kolom van dit bestand is een bekende KWB-kolom (geodata/kwb-columns.json).');
      return undefined;
    }

    const countIndicators = new Set(
      readIndicatorCatalogue()
        .filter((indicator) => isCountIndicator(indicator))
        .map((indicator) => indicator.id),
    );
    const title =
      (result.tableId && cbsTableTitle(result.tableId)) || `Kerncijfers wijken en buurten ${year}`;
    const source = `CBS, ${title}${result.tableId ? ` (${result.tableId})` : ''}`;
    // A share's numerator and denominator columns, when the map names them (Arbeidsdeelname tables).
    const keyOf = (name: string | undefined) =>
      name === undefined ? undefined : keys.find((key) => stripColumnSuffix(key) === name);
    const countOf = (record: KwbRecord, key: string | undefined): number | null => {
      if (key === undefined) return null;
      const raw = record.get(key);
      if (typeof raw === 'number') return raw;
      return typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw.trim()) : null;
    };
    const countKeys = new Map(
      mapped.map(({ key, column }) => [
        key,
        { numerator: keyOf(column.numeratorColumn), denominator: keyOf(column.denominatorColumn) },
      ]),
    );
    const period = String(year);
    const seenCodes = new Map<string, number>();
    return (record) => {
      const code = String(record.get(codeKey) ?? '').trim();
      if (code === '') {
        result.errors.push(rowError(record.line, codeKey, 'De gebiedscode ontbreekt.'));
        return;
      }
      const level = levelOfCode(code);
      if (!level) {
        result.errors.push(
          rowError(record.line, codeKey, `'${code}' is geen CBS-gebiedscode (NL00, GM…, WK… of BU…).`),
        );
        return;
      }
      // Skipped before the duplicate check: their rows are not stored, so they need no memory.
      if (options.skipRegion?.(code, level)) {
        result.skipped.codes++;
        const gemeente = gemeenteCodeOf(code);
        if (gemeente) result.skipped.gemeenten.add(gemeente);
        for (const { key } of mapped) {
          const raw = record.get(key);
          if (raw !== null && raw !== undefined && String(raw).trim() !== '') result.skipped.observations++;
        }
        return;
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
        return;
      }
      seenCodes.set(code, record.line);
      const rawName = nameKey ? String(record.get(nameKey) ?? '').trim() : '';
      result.regions.push({
        code,
        level,
        line: record.line,
        name: rawName && rawName !== code ? rawName : code,
      });

      for (const { key, indicatorId, column } of mapped) {
        const raw = record.get(key);
        if (raw === null || raw === undefined) continue;
        const cell = typeof raw === 'number' ? raw : String(raw).trim();
        if (cell === '') continue;
        const countRounding =
          level === 'gemeente' || level === 'wijk' || level === 'buurt'
            ? (column.countRounding?.[level] ?? null)
            : null;
        // One literal with every field, not a spread of a shared base: a national file keeps
        // ~0,5 M of these, and a spread object costs about three times the memory (D11).
        const observation = (value: number | null, numerator: number | null, denominator: number | null) => ({
          line: record.line,
          column: key,
          indicatorId,
          areaCode: code,
          vintage,
          period,
          year,
          value,
          numerator,
          denominator,
          provisional: false,
          confidential: value === null,
          valueRounding: column.valueRounding ?? null,
          countRounding,
          source,
        });
        if (cell === '.') {
          result.observations.push(observation(null, null, null));
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
        const counts = countKeys.get(key);
        // A count's value is its teller: disclosure then applies the minimum count to it (D3).
        const numerator = countIndicators.has(indicatorId) ? value : countOf(record, counts?.numerator);
        result.observations.push(observation(value, numerator, countOf(record, counts?.denominator)));
      }
    };
  }
}
