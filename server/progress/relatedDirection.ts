// "Verwante reeks": a real series of ANOTHER definition, read as a direction only — never as the
// status of the target it stands beside. Pure: no database, no Express.
import { nl } from './formatNl.ts';

export type RelatedDirection = 'gunstig' | 'ongunstig' | 'gelijk';

export interface RelatedPoint {
  year: number;
  value: number;
  /** A published 95% interval, when the source gives one. */
  low?: number | null;
  high?: number | null;
}

/** Changes within this share of the first value count as "gelijk". */
export const SAME_WITHIN = 0.02;

/**
 * The direction from the first to the last point, by the related indicator's own polarity:
 * - "gelijk" when the change is within 2% of the first value, or when both points have a 95%
 *   interval and the intervals overlap (the change is not clear from the survey);
 * - else "gunstig" when it moved the way that indicator calls better, "ongunstig" otherwise;
 * - a neutral indicator is always "gelijk" (it has no better direction).
 * Null with fewer than two points.
 */
export function relatedDirection(
  points: RelatedPoint[],
  polarity: 'lager_is_beter' | 'hoger_is_beter' | 'neutraal',
): { direction: RelatedDirection; first: RelatedPoint; last: RelatedPoint; reason: string } | null {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const change = last.value - first.value;
  const overlap =
    first.low != null && first.high != null && last.low != null && last.high != null
      ? first.low <= last.high && last.low <= first.high
      : false;
  if (overlap)
    return {
      direction: 'gelijk',
      first,
      last,
      reason: 'de 95%-intervallen van het eerste en laatste jaar overlappen',
    };
  if (Math.abs(change) <= SAME_WITHIN * Math.abs(first.value))
    return {
      direction: 'gelijk',
      first,
      last,
      reason: `verandering ${nl(change)} is binnen 2% van de beginwaarde`,
    };
  if (polarity === 'neutraal')
    return { direction: 'gelijk', first, last, reason: 'deze indicator heeft geen betere richting' };
  const better = polarity === 'hoger_is_beter' ? change > 0 : change < 0;
  return {
    direction: better ? 'gunstig' : 'ongunstig',
    first,
    last,
    reason: `${change > 0 ? 'gestegen' : 'gedaald'} met ${nl(Math.abs(change))}; bij deze indicator is ${polarity === 'hoger_is_beter' ? 'hoger' : 'lager'} beter`,
  };
}
