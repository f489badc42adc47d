// A programme area's value from its members' counts: Σ numerator / Σ denominator, never a mean of
// percentages (a mean would weigh a small buurt as heavily as a large one).
import { nl } from './formatNl.ts';
import type { AggregateResult, MemberCounts } from './types.ts';

/** `scale` turns the ratio into the indicator's unit: 100 for %, 1000 for "per 1.000". */
export function aggregateFromCounts(members: readonly MemberCounts[], scale = 100): AggregateResult {
  const memberCodes = members.map((m) => m.areaCode);
  const missingMembers = members
    .filter((m) => m.numerator == null || m.denominator == null)
    .map((m) => m.areaCode);
  const none = (reason: string): AggregateResult => ({
    value: null,
    numerator: null,
    denominator: null,
    interval: null,
    memberCodes,
    missingMembers,
    reason,
  });
  if (members.length === 0) return none('Het programmagebied heeft geen leden.');
  if (missingMembers.length > 0) {
    return none(
      `Geen totaal: van ${missingMembers.join(', ')} ontbreken teller en noemer (onbekend of geheim); een gemiddelde van percentages geven we niet.`,
    );
  }
  let numerator = 0;
  let denominator = 0;
  let halfWidth = 0;
  for (const m of members) {
    numerator += m.numerator as number;
    denominator += m.denominator as number;
    if (m.countRounding != null && m.countRounding > 0) halfWidth += m.countRounding / 2;
  }
  if (denominator <= 0) return none('Geen totaal: de noemer van het programmagebied is 0.');
  const value = (numerator / denominator) * scale;
  // Each member's counts may be off by half the rounding base; the errors add up in the sums.
  const interval =
    halfWidth > 0
      ? {
          low: (Math.max(numerator - halfWidth, 0) / (denominator + halfWidth)) * scale,
          high:
            denominator - halfWidth > 0
              ? Math.min((numerator + halfWidth) / (denominator - halfWidth), 1) * scale
              : scale,
          reason: `som van afgeronde aantallen (±${nl(halfWidth)} in teller en noemer)`,
        }
      : null;
  return { value, numerator, denominator, interval, memberCodes, missingMembers, reason: null };
}

/** How many units one whole is, for an indicator's unit: % → 100, per 1.000 → 1000, else 1. */
export function unitScale(unit: string): number {
  const u = unit.trim().toLowerCase();
  if (u === '%' || u.startsWith('procent')) return 100;
  if (u.replace(/\./g, '') === 'per 1000') return 1000;
  if (u.replace(/\./g, '') === 'per 10000') return 10000;
  return 1;
}
