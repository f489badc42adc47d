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

/** The boundary vintage (indeling) that belongs to a year: GM1916's buurten were redrawn in 2020. */
export function vintageForYear(year: number, vintages: number[] = [2017, 2022]): number {
  const sorted = [...vintages].sort((a, b) => a - b);
  // CBS publishes each year's figures in the indeling of that year; the 2022 boundary set is valid
  // from 2020 on, so a year takes the newest vintage whose indeling was in force by then.
  const inForce = (vintage: number) => (vintage === 2022 ? 2020 : vintage);
  let chosen = sorted[0] ?? year;
  for (const vintage of sorted) if (inForce(vintage) <= year) chosen = vintage;
  return chosen;
}

export type SortKey = 'naam' | 'waarde' | 'status';

/** Table rows sorted the way the user asked; missing values always last. */
export function sortValues(values: LayerValue[], key: SortKey, ascending: boolean): LayerValue[] {
  const statusRank = (s: string) => (STATUS_ORDER as readonly string[]).indexOf(s);
  const sign = ascending ? 1 : -1;
  return [...values].sort((a, b) => {
    if (key === 'naam') return sign * a.naam.localeCompare(b.naam, 'nl');
    if (key === 'status')
      return sign * (statusRank(a.status) - statusRank(b.status)) || a.naam.localeCompare(b.naam, 'nl');
    const av = a.geheim ? null : a.waarde;
    const bv = b.geheim ? null : b.waarde;
    if (av === null && bv === null) return a.naam.localeCompare(b.naam, 'nl');
    if (av === null) return 1;
    if (bv === null) return -1;
    return sign * (av - bv);
  });
}
