import { statusColour, type ValueScale } from '../shared/colourScale.ts';
import type { LayerValue } from '../shared/model.ts';
import { STATUS_ORDER } from '../shared/status.ts';
import type { AreaPaint } from './ChoroplethMap.tsx';

export type ColourMode = 'waarde' | 'voortgang';

/**
 * The paint of every area for one map view. A missing value and a suppressed one get a pattern,
 * never a colour, so they cannot be mistaken for a low value.
 */
export function layerPaint(
  values: LayerValue[],
  mode: ColourMode,
  scale: ValueScale,
): Map<string, AreaPaint> {
  const paint = new Map<string, AreaPaint>();
  for (const v of values) {
    if (v.geheim) paint.set(v.code, { kleur: null, klasse: 'geheim' });
    else if (v.waarde === null) paint.set(v.code, { kleur: null, klasse: 'geen' });
    else if (mode === 'waarde') paint.set(v.code, { kleur: scale(v.waarde), klasse: 'waarde' });
    else paint.set(v.code, { kleur: statusColour(v.status), klasse: 'waarde' });
  }
  return paint;
}

/** The indeling rule as the server gives it (GET /api/v1/indelingen); the client keeps no copy. */
export interface IndelingRegel {
  vanJaar: number | null;
  totEnMetJaar: number | null;
  indeling: number;
}

/** The boundary vintage (indeling) the server's rule gives a year; null when no rule holds it. */
export function vintageForYear(year: number, regels: readonly IndelingRegel[]): number | null {
  const regel = regels.find(
    (r) => (r.vanJaar === null || r.vanJaar <= year) && (r.totEnMetJaar === null || year <= r.totEnMetJaar),
  );
  return regel?.indeling ?? null;
}

/** The year a period ends in: "2022", "2017-2021" → 2021, half year "2019H1" → 2019. */
export function yearOfPeriod(periode: string): number {
  return Number.parseInt(periode.replace(/H[12]$/, '').slice(-4), 10);
}

export type SortKey = 'naam' | 'waarde' | 'status';

// One collator: localeCompare(…, 'nl') builds one per call, which a national table feels.
const byName = new Intl.Collator('nl').compare;

/** Table rows sorted the way the user asked; missing values always last. */
export function sortValues(values: LayerValue[], key: SortKey, ascending: boolean): LayerValue[] {
  const statusRank = (s: string) => (STATUS_ORDER as readonly string[]).indexOf(s);
  const sign = ascending ? 1 : -1;
  return [...values].sort((a, b) => {
    if (key === 'naam') return sign * byName(a.naam, b.naam);
    if (key === 'status')
      return sign * (statusRank(a.status) - statusRank(b.status)) || byName(a.naam, b.naam);
    const av = a.geheim ? null : a.waarde;
    const bv = b.geheim ? null : b.waarde;
    if (av === null && bv === null) return byName(a.naam, b.naam);
    if (av === null) return 1;
    if (bv === null) return -1;
    return sign * (av - bv);
  });
}
