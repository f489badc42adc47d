import type { AreaLevel } from '../../schemas/enums.ts';

// The CBS area-code convention: NL00 → GM1916 → WK191602 → BU19160200. Pure rules, used by the
// importers (boundaries, KWB) and by every reader that walks from an area to its parents.

export function levelOfCode(code: string): AreaLevel | undefined {
  if (/^NL\d{2}$/.test(code)) return 'land';
  if (/^GM\d{4}$/.test(code)) return 'gemeente';
  // Wijk and buurt parts are alphanumeric since CBS 2022 (Amsterdam: BU0363TA06).
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return 'wijk';
  if (/^BU\d{4}[0-9A-Z]{4}$/.test(code)) return 'buurt';
  return undefined;
}

/** Parent code by the CBS code convention: BU19160200 → WK191602 → GM1916 → NL00. */
export function parentCodeOf(code: string): string | null {
  if (code.startsWith('BU')) return `WK${code.slice(2, 8)}`;
  if (code.startsWith('WK')) return `GM${code.slice(2, 6)}`;
  if (code.startsWith('GM')) return 'NL00';
  return null;
}

export function gemeenteCodeOf(code: string): string | null {
  if (code.startsWith('BU') || code.startsWith('WK') || code.startsWith('GM')) return `GM${code.slice(2, 6)}`;
  return null;
}
