/** Dutch number formatting in one place, so every page writes 12,5% and 1.234 the same way. */

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  const key = String(decimals);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, format);
  }
  return format;
}

/** A number with a fixed count of decimals, nl-NL: 1.234 or 12,5; negative with the minus sign (−). */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(decimals).format(value).replace('-', '−');
}

/** A difference between two values of an indicator: percentages differ by procentpunten. */
export function formatDifference(
  value: number | null | undefined,
  unit: string | undefined,
  decimals = 0,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === '%') return `${formatNumber(value, decimals)} procentpunt`;
  return formatValue(value, unit, decimals);
}

/** A value in its indicator's unit: 12,5% · 1.234 · € 1.234 · 3,4 per 1.000. */
export function formatValue(
  value: number | null | undefined,
  unit: string | undefined,
  decimals = 0,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n = formatNumber(value, decimals);
  switch (unit) {
    case '%':
      return `${n}%`;
    case '€':
      return `€ ${n}`;
    case 'x 1.000 €':
      // CBS publishes incomes in thousands; readers expect euros.
      return `€ ${formatNumber(value * 1000, 0)}`;
    case undefined:
    case '':
    case 'aantal':
      return n;
    default:
      return `${n} ${unit}`;
  }
}

/** A year-over-year ratio or share as a percentage: 0.125 → 12,5%. */
export function formatShare(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value * 100, decimals)}%`;
}

/** Decimals to show for a value when the indicator does not say. */
export function defaultDecimals(unit: string | undefined): number {
  return unit === '%' ? 1 : 0;
}
