import type { ParsedObservation, RowError } from '../observationRow.ts';
import { rowError } from '../observationRow.ts';
import { detectDelimiter, firstLine } from '../text/decodeText.ts';
import { readCsv } from '../text/readCsv.ts';
import { areaCodeOf, hasHeaderWidth } from '../text/recordChecks.ts';

/** Column names of the gemeente's long-format CSV, Dutch, matched case-insensitively. */
export const GEMEENTE_COLUMNS = {
  required: ['gebiedscode', 'indicator', 'periode', 'waarde'],
  optional: ['teller', 'noemer', 'flags', 'indeling'],
  /** For the reader of the file (the template fills them in); ignored without a warning. */
  informative: ['gebiedsnaam', 'indicatornaam'],
} as const;

export const GEMEENTE_SOURCE = 'Gemeente, eigen cijfers (upload)';

export interface GemeenteParseResult {
  observations: ParsedObservation[];
  errors: RowError[];
  warnings: RowError[];
  rowsTotal: number;
}

interface ParsedFlags {
  provisional: boolean;
  confidential: boolean;
  countRounding: number | null;
  valueRounding: number | null;
}

/**
 * Parses the gemeente's own figures: one row per gebied × indicator × periode with waarde and,
 * for shares, teller and noemer. `;` with decimal comma or `,` with decimal point. Flags:
 * `voorlopig`, `geheim`, `afgerond:10` (counts rounded to 10), `waarde-afgerond:1` (value published
 * rounded to whole units), separated by spaces or `|`. Whether codes and indicators exist is
 * checked later against the database; this step only checks the file itself. Pure: no database.
 */
export function parseGemeenteCsv(text: string): GemeenteParseResult {
  const result: GemeenteParseResult = { observations: [], errors: [], warnings: [], rowsTotal: 0 };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    result.errors.push(rowError(0, undefined, 'Het bestand is leeg.'));
    return result;
  }
  const header = firstLine(body);
  const delimiter = detectDelimiter(header);
  if (!delimiter) {
    const guess = header.includes('\t')
      ? ' (het lijkt met tabs gescheiden)'
      : header.includes('|')
        ? ' (het lijkt met | gescheiden)'
        : '';
    result.errors.push(
      rowError(
        1,
        undefined,
        `Het scheidingsteken is niet herkend${guess}: gebruik een puntkomma (;) met decimale komma, of een komma (,) met decimale punt.`,
      ),
    );
    return result;
  }
  const csv = readCsv(body, delimiter);
  if (!csv.ok) {
    result.errors.push(rowError(csv.line, undefined, csv.message));
    return result;
  }
  const names = csv.header.map((name) => name.toLowerCase());
  const known = new Set<string>([
    ...GEMEENTE_COLUMNS.required,
    ...GEMEENTE_COLUMNS.optional,
    ...GEMEENTE_COLUMNS.informative,
  ]);
  const missing = GEMEENTE_COLUMNS.required.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    const otherDelimiter = delimiter === ';' ? ',' : ';';
    const hint =
      names.length === 1 && header.includes(otherDelimiter === ',' ? ',' : ';')
        ? ` Het bestand lijkt '${otherDelimiter}' als scheidingsteken te gebruiken.`
        : '';
    result.errors.push(
      rowError(
        1,
        missing[0],
        `De kolom${missing.length > 1 ? 'men' : ''} ${missing.map((name) => `'${name}'`).join(', ')} ontbre${missing.length > 1 ? 'ken' : 'ekt'} in de kopregel (gevonden: ${csv.header.map((name) => `'${name}'`).join(', ')}).${hint}`,
      ),
    );
    return result;
  }
  for (const name of csv.header) {
    if (!known.has(name.toLowerCase()))
      result.warnings.push(rowError(1, name, `Kolom '${name}' is onbekend en wordt genegeerd.`));
  }
  const indexOf = (name: string) => names.indexOf(name);
  if (csv.records.length === 0) {
    result.errors.push(rowError(0, undefined, 'Het bestand bevat alleen een kopregel en geen gegevens.'));
    return result;
  }

  const decimalComma = delimiter === ';';
  const seen = new Map<string, number>();
  for (const record of csv.records) {
    result.rowsTotal++;
    const { line, fields } = record;
    const cell = (name: string) => {
      const index = indexOf(name);
      return index === -1 ? '' : (fields[index] ?? '').trim();
    };
    const errorsBefore = result.errors.length;
    const error = (column: string | undefined, message: string) =>
      result.errors.push(rowError(line, column, message));

    if (!hasHeaderWidth(fields, csv.header.length, error)) continue;
    const areaCode = areaCodeOf(
      cell('gebiedscode'),
      /^[A-Z][A-Z0-9_]{1,39}$/,
      (raw) => `'${raw}' is geen gebiedscode.`,
      error,
    );
    const indicatorId = cell('indicator').toLowerCase();
    if (indicatorId === '') error('indicator', 'De indicator ontbreekt.');

    const periodText = cell('periode');
    const periodMatch = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(periodText);
    let year = 0;
    let period = periodText;
    if (!periodMatch) {
      error(
        'periode',
        `'${periodText}' is geen periode; schrijf een jaar (2020) of een reeks jaren (2017-2021).`,
      );
    } else {
      const start = Number(periodMatch[1]);
      const end = periodMatch[2] ? Number(periodMatch[2]) : start;
      if (end < start) error('periode', `In '${periodText}' ligt het eindjaar voor het beginjaar.`);
      else if (start < 1900 || end > 2100) error('periode', `'${periodText}' ligt buiten 1900–2100.`);
      year = end;
      period = periodMatch[2] ? `${start}-${end}` : String(start);
    }

    const flags = parseFlags(cell('flags'), (message) => error('flags', message));
    const number = (name: string): number | null | undefined => {
      const raw = cell(name);
      if (raw === '') return null;
      const parsed = parseDutchOrPlainNumber(raw, decimalComma);
      if (parsed === undefined) {
        error(
          name,
          decimalComma && /^-?\d+\.\d+$/.test(raw)
            ? `'${raw}' is geen getal in dit bestand: bij een puntkomma als scheidingsteken hoort een decimale komma (12,5).`
            : `'${raw}' is geen getal.`,
        );
      }
      return parsed;
    };
    let value = number('waarde');
    const numerator = number('teller');
    const denominator = number('noemer');
    if (value === null && !flags.confidential) {
      error('waarde', 'De waarde ontbreekt; laat de waarde alleen leeg met de vlag geheim.');
    }
    if (flags.confidential && value !== null && value !== undefined) {
      result.warnings.push(rowError(line, 'waarde', 'Vlag geheim: de waarde wordt niet opgeslagen.'));
      value = null;
    }
    if (numerator != null && denominator != null && denominator < numerator) {
      error('teller', `De teller (${numerator}) is groter dan de noemer (${denominator}).`);
    }
    let vintage: number | undefined;
    const vintageText = cell('indeling');
    if (vintageText !== '') {
      if (/^\d{4}$/.test(vintageText)) vintage = Number(vintageText);
      else error('indeling', `'${vintageText}' is geen jaartal van een gebiedsindeling.`);
    }

    if (result.errors.length > errorsBefore) continue;
    const key = `${areaCode}|${indicatorId}|${period}|${vintage ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      error(
        undefined,
        `Dubbele regel: ${areaCode}, ${indicatorId}, ${period} staat ook op regel ${earlier}.`,
      );
      continue;
    }
    seen.set(key, line);
    result.observations.push({
      line,
      column: 'waarde',
      indicatorId,
      areaCode,
      vintage,
      period,
      year,
      value: value ?? null,
      numerator: numerator ?? null,
      denominator: denominator ?? null,
      provisional: flags.provisional,
      confidential: flags.confidential,
      valueRounding: flags.valueRounding,
      countRounding: flags.countRounding,
      source: GEMEENTE_SOURCE,
    });
  }
  return result;
}

/** `12,5` (decimal comma, in `;` files) or `12.5` (in `,` files); no thousands separators. */
export function parseDutchOrPlainNumber(raw: string, decimalComma: boolean): number | undefined {
  const pattern = decimalComma ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  if (!pattern.test(raw)) return undefined;
  return Number(decimalComma ? raw.replace(',', '.') : raw);
}

function parseFlags(text: string, report: (message: string) => void): ParsedFlags {
  const flags: ParsedFlags = {
    provisional: false,
    confidential: false,
    countRounding: null,
    valueRounding: null,
  };
  for (const flag of text
    .toLowerCase()
    .split(/[\s|,;]+/)
    .filter(Boolean)) {
    const rounding = /^(afgerond|waarde-afgerond):(\d+(?:[.,]\d+)?)$/.exec(flag);
    if (flag === 'voorlopig') flags.provisional = true;
    else if (flag === 'geheim') flags.confidential = true;
    else if (rounding) {
      const base = Number(rounding[2]!.replace(',', '.'));
      if (!(base > 0)) report(`In '${flag}' moet de afronding groter dan 0 zijn.`);
      else if (rounding[1] === 'afgerond') flags.countRounding = base;
      else flags.valueRounding = base;
    } else {
      report(`Onbekende vlag '${flag}'; bekend zijn voorlopig, geheim, afgerond:N en waarde-afgerond:N.`);
    }
  }
  return flags;
}
