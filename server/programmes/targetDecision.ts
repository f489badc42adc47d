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
  return [
    ...(patch.besluitKenmerk
      ? []
      : [
          {
            name: 'besluitKenmerk',
            reason:
              'Deze wijziging verandert wat de streefwaarde vraagt; noem het raadsbesluit waarop ze rust, bijvoorbeeld Raadsbesluit 2023/114',
          },
        ]),
    ...(patch.besluitDatum
      ? []
      : [{ name: 'besluitDatum', reason: 'Vul de datum van het raadsbesluit in, bijvoorbeeld 2023-06-12' }]),
  ];
}
