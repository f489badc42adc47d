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

// The indeling rule moved to shared/indeling.ts (the entry chunk starts the map page's requests with it).
export { type IndelingRegel, vintageForYear, yearOfPeriod } from '../shared/indeling.ts';

export type SortKey = 'naam' | 'waarde' | 'status';

// One collator: localeCompare(…, 'nl') builds one per call, which a national table feels.
const byName = new Intl.Collator('nl').compare;

/** Each name's place in alphabetical order, sorted once for a set of areas (a recolour keeps the names). */
export function nameOrder(names: Iterable<string>): Map<string, number> {
  return new Map([...new Set(names)].sort(byName).map((name, i) => [name, i] as const));
}

/**
 * Table rows sorted the way the user asked; missing values always last. With the names' order made
 * beforehand (nameOrder) no names are compared here; without it, or with a name not in it, they are.
 */
export function sortValues(
  values: LayerValue[],
  key: SortKey,
  ascending: boolean,
  order?: Map<string, number>,
): LayerValue[] {
  const known = order && values.every((v) => order.has(v.naam)) ? order : null;
  const name = known
    ? (a: LayerValue, b: LayerValue) => known.get(a.naam)! - known.get(b.naam)!
    : (a: LayerValue, b: LayerValue) => byName(a.naam, b.naam);
  const statusRank = (s: string) => (STATUS_ORDER as readonly string[]).indexOf(s);
  const sign = ascending ? 1 : -1;
  return [...values].sort((a, b) => {
    if (key === 'naam') return sign * name(a, b);
    if (key === 'status') return sign * (statusRank(a.status) - statusRank(b.status)) || name(a, b);
    const av = a.geheim ? null : a.waarde;
    const bv = b.geheim ? null : b.waarde;
    if (av === null && bv === null) return name(a, b);
    if (av === null) return 1;
    if (bv === null) return -1;
    return sign * (av - bv);
  });
}
