// What an uploaded figure can possibly be, and what looks wrong. Pure: the caller passes the
// indicators' rules and today's year. Refused (errors): a value outside the indicator's possible
// range (a share outside 0–100, a negative count), a negative teller or noemer. Warned: a waarde
// that does not fit its teller/noemer, a year in the future.
import { unitScale } from '../../progress/aggregateFromCounts.ts';
import type { RowError } from '../observationRow.ts';
import { type ParsedObservation, rowError } from '../observationRow.ts';

export interface IndicatorUploadRule {
  id: string;
  name: string;
  unit: string;
  decimals: number;
  value_min: number | null;
  value_max: number | null;
  value_rounding: number | null;
}

/** The indicator's possible range: its own setting, else a share 0–100 and a count ≥ 0. */
export function possibleRange(rule: IndicatorUploadRule): { min: number | null; max: number | null } {
  const unit = rule.unit.trim().toLowerCase();
  const byUnit =
    unit === '%'
      ? { min: 0, max: 100 }
      : unit === 'aantal' || unit.startsWith('per ')
        ? { min: 0, max: null }
        : { min: null, max: null };
  return { min: rule.value_min ?? byUnit.min, max: rule.value_max ?? byUnit.max };
}

const nl = (x: number, digits = 1) =>
  x.toLocaleString('nl-NL', { maximumFractionDigits: digits, useGrouping: false }).replace('-', '−');
const fixed = (x: number, digits: number) =>
  x.toLocaleString('nl-NL', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });

export function checkPlausibility<T extends ParsedObservation>(
  rows: T[],
  rules: Map<string, IndicatorUploadRule>,
  currentYear: number,
): { rows: T[]; errors: RowError[]; warnings: RowError[] } {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const out: T[] = [];
  for (const row of rows) {
    const rule = rules.get(row.indicatorId);
    if (!rule) {
      out.push(row);
      continue;
    }
    let next = row;
    const before = errors.length;
    const { min, max } = possibleRange(rule);
    const unitText = rule.unit === '%' ? '%' : ` (${rule.unit})`;
    if (row.value != null && ((min != null && row.value < min) || (max != null && row.value > max))) {
      errors.push(
        rowError(
          row.line,
          'waarde',
          `${nl(row.value, 4)}${unitText} kan niet voor ${rule.name}: de waarde ligt ${
            max == null ? `altijd op of boven ${nl(min ?? 0)}` : `tussen ${nl(min ?? 0)} en ${nl(max)}`
          }.`,
        ),
      );
    }
    for (const [column, count] of [
      ['teller', row.numerator],
      ['noemer', row.denominator],
    ] as const) {
      if (count != null && count < 0) {
        errors.push(rowError(row.line, column, `De ${column} (${nl(count, 4)}) kan niet negatief zijn.`));
      }
    }
    if (row.year > currentYear) {
      warnings.push(
        rowError(
          row.line,
          'periode',
          `Periode ${row.period} ligt in de toekomst (het is nu ${currentYear}).`,
        ),
      );
    }
    if (row.value != null && row.numerator != null && row.denominator != null && row.denominator > 0) {
      const fromCounts = (row.numerator / row.denominator) * unitScale(rule.unit);
      // One unit of the last published decimal, or half the stated rounding, whichever is larger.
      const tolerance = Math.max(10 ** -rule.decimals, (row.valueRounding ?? 0) / 2) + 1e-9;
      if (Math.abs(fromCounts - row.value) > tolerance) {
        warnings.push(
          rowError(
            row.line,
            'waarde',
            `De waarde ${fixed(row.value, rule.decimals)} past niet bij teller/noemer ${nl(row.numerator, 0)}/${nl(row.denominator, 0)} (${fixed(fromCounts, rule.decimals)}${unitText}).`,
          ),
        );
      }
    }
    // Survey shares published as whole numbers: the indicator's rounding, unless the file says otherwise.
    if (
      row.valueRounding == null &&
      rule.value_rounding != null &&
      row.value != null &&
      Math.abs(row.value / rule.value_rounding - Math.round(row.value / rule.value_rounding)) < 1e-9
    ) {
      next = { ...row, valueRounding: rule.value_rounding };
    }
    if (errors.length === before) out.push(next);
  }
  return { rows: out, errors, warnings };
}
