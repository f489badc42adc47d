import {
  type AdminTarget,
  demandFieldNames,
  type TargetIssue,
  type TargetPatch,
} from '../../schemas/targets.ts';

/**
 * A change to what a target demands (its kind, number, reference area, direction, horizon, years
 * or baseline) rests on a council decision, so the change names it: reference and date, in the
 * patch itself — a decision recorded for an earlier version does not cover a new one. Texts
 * (planTekst, toelichting) may be corrected without one.
 */
export function decisionIssues(before: AdminTarget, patch: TargetPatch): TargetIssue[] {
  const changesDemand = demandFieldNames.some(
    (name) => patch[name] !== undefined && (patch[name] ?? null) !== (before[name] ?? null),
  );
  if (!changesDemand) return [];
  const reason =
    'Deze wijziging verandert wat de streefwaarde vraagt; noem het raadsbesluit waarop ze rust (kenmerk en datum, bijvoorbeeld Raadsbesluit 2023/114 van 2023-06-12)';
  return [
    ...(patch.besluitKenmerk ? [] : [{ name: 'besluitKenmerk', reason }]),
    ...(patch.besluitDatum ? [] : [{ name: 'besluitDatum', reason }]),
  ];
}
