/**
 * The two CSV dialects (docs/decisions/0031-csv-dialects.md):
 * - excel: what a Dutch spreadsheet opens as numbers on a double click: `;`, decimal comma, UTF-8 BOM;
 * - standaard: RFC 4180 for R, Python, QGIS: `,`, decimal point, no BOM.
 */
export type CsvDialectName = 'excel' | 'standaard';

export interface CsvDialect {
  name: CsvDialectName;
  delimiter: string;
  decimal: '.' | ',';
  bom: boolean;
}

export const CSV_DIALECTS: Record<CsvDialectName, CsvDialect> = {
  excel: { name: 'excel', delimiter: ';', decimal: ',', bom: true },
  standaard: { name: 'standaard', delimiter: ',', decimal: '.', bom: false },
};

/** A number as plain decimal text (never 1e-7 notation, which spreadsheets would read as text). */
export function formatNumber(value: number | null | undefined, dialect: CsvDialect): string {
  if (value == null || !Number.isFinite(value)) return '';
  let text = String(value);
  if (text.includes('e')) text = value.toFixed(20).replace(/\.?0+$/, '');
  return dialect.decimal === ',' ? text.replace('.', ',') : text;
}

// OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text cells only: a leading `'` makes the spreadsheet show the text instead of evaluating it.
 * Numbers never pass through here, so −1,25 stays a number (csv-stringify's own escape_formulas
 * would turn it into text, which is why we do not use it).
 */
export function neutraliseFormula(text: string | null | undefined): string {
  if (text == null) return '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}
