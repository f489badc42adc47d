// Secondary suppression across the area hierarchy (decision 0082). Pure: no database, no Express.
//
// A total and its parts (a wijk and its buurten, a gemeente and its wijken, a programme area with
// a stored value and its member buurten) add up. When exactly one of them is hidden and all the
// others are published, the hidden one is the difference: WK191602 53/900 minus BU19160201 50/500
// gives BU19160200's suppressed 3/400. So in every such group with exactly one hidden member one
// more is withheld: the published part with the smallest count (ties: the lowest code), or the
// total when no part is published. This repeats until no group has exactly one hidden member, as a
// withheld wijk can open its own group of buurten. A group with a part that has no observation at
// all is left alone: its difference is the sum of two unknowns.
import {
  countOf,
  type DisclosableObservation,
  type DisclosureRule,
  suppressionOf,
} from './applyDisclosure.ts';

export interface HierarchyObservation extends DisclosableObservation {
  id: number;
  areaCode: string;
}

/** One sum: `total` = the sum of `parts` (area codes). */
export interface AreaSum {
  total: string;
  parts: readonly string[];
}

/**
 * The ids of the observations (one indicator, one period, one indeling) to withhold besides the
 * ones the rule suppresses itself.
 */
export function secondarySuppressions(
  rule: DisclosureRule,
  observations: readonly HierarchyObservation[],
  sums: readonly AreaSum[],
): Set<number> {
  const byArea = new Map(observations.map((obs) => [obs.areaCode, obs]));
  const hidden = new Set(
    observations
      .filter((obs) => suppressionOf(rule, { ...obs, withheld: false }) !== null)
      .map((obs) => obs.areaCode),
  );
  const withheld = new Set<number>();
  if (hidden.size === 0) return withheld;
  const size = (code: string) => {
    const obs = byArea.get(code)!;
    return countOf(rule, obs) ?? obs.value ?? 0;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const sum of sums) {
      const members = [sum.total, ...sum.parts];
      if (sum.parts.length === 0 || members.some((code) => !byArea.has(code))) continue;
      if (members.filter((code) => hidden.has(code)).length !== 1) continue;
      const published = sum.parts
        .filter((code) => !hidden.has(code))
        .sort((a, b) => size(a) - size(b) || a.localeCompare(b));
      const extra = published[0] ?? sum.total;
      hidden.add(extra);
      withheld.add(byArea.get(extra)!.id);
      changed = true;
    }
  }
  return withheld;
}

/** The sums of one indeling: every area with children (programme areas aside) and every programme area. */
export function areaSums(
  areas: readonly { code: string; level: string; parentCode: string | null }[],
  programmeMembers: readonly { areaCode: string; memberCode: string }[],
): AreaSum[] {
  const children = new Map<string, string[]>();
  for (const area of areas) {
    if (area.level === 'programmagebied' || !area.parentCode) continue;
    const list = children.get(area.parentCode) ?? [];
    list.push(area.code);
    children.set(area.parentCode, list);
  }
  const members = new Map<string, string[]>();
  for (const { areaCode, memberCode } of programmeMembers) {
    const list = members.get(areaCode) ?? [];
    list.push(memberCode);
    members.set(areaCode, list);
  }
  return [...children, ...members].map(([total, parts]) => ({ total, parts: parts.sort() }));
}
