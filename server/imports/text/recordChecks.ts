// Checks every long-format CSV importer makes of a record before reading its figures.

export type ReportError = (column: string | undefined, message: string) => void;

/** False, after reporting it, when the record has another number of fields than the header. */
export function hasHeaderWidth(fields: readonly string[], headerWidth: number, error: ReportError): boolean {
  if (fields.length === headerWidth) return true;
  error(undefined, `De regel heeft ${fields.length} velden, de kopregel ${headerWidth}.`);
  return false;
}

/** The record's gebiedscode in capitals; a missing or malformed one is reported. */
export function areaCodeOf(
  raw: string,
  pattern: RegExp,
  notACode: (raw: string) => string,
  error: ReportError,
): string {
  const code = raw.toUpperCase();
  if (code === '') error('gebiedscode', 'De gebiedscode ontbreekt.');
  else if (!pattern.test(code)) error('gebiedscode', notACode(raw));
  return code;
}
