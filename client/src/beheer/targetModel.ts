import type { TargetKind } from '../../../schemas/enums.ts';
import type { AdminProgramme, AdminProgrammeDetail } from '../../../schemas/programmes.ts';
import type { AdminTarget } from '../../../schemas/targets.ts';

// The beheer screens' types come from the API's own schemas (schemas/), never a copy.
export type { TargetKind };
export type Target = AdminTarget;
export type ProgrammeArea = AdminProgramme['gebieden'][number];
export type ProgrammeDetail = AdminProgrammeDetail;

export const KIND_LABELS: Record<TargetKind, string> = {
  absoluut: 'Absoluut getal',
  referentieniveau: 'Niveau van een referentiegebied',
  richting: 'Richting',
};

export function areaLabel(programme: ProgrammeDetail, code: string): string {
  const area = programme.gebieden.find((a) => a.gebiedscode === code);
  const name = area?.label ?? area?.naam;
  return name ? `${name} (${code})` : code;
}

const number = (value: number) => value.toLocaleString('nl-NL', { maximumFractionDigits: 3 });

/** The target in words, as the table shows it: "13,5 %", "niveau van GM1916 (plan: 6)", "afname". */
export function describeTarget(target: Target, unit: string): string {
  switch (target.soort) {
    case 'absoluut':
      if (target.streefwaarde === null) return '—';
      return unit === '%'
        ? `${number(target.streefwaarde)}%`
        : `${number(target.streefwaarde)} ${unit}`.trim();
    case 'referentieniveau':
      return `niveau van ${target.referentiegebied ?? '?'}${target.streefwaarde !== null ? ` (plan: ${number(target.streefwaarde)})` : ''}`;
    case 'richting':
      return target.richting === 'afname' ? 'afname beoogd' : 'toename beoogd';
  }
}

/** "12-06-2023" for the council decision's date (stored as 2023-06-12). */
export function formatDecisionDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

/** "Raadsbesluit 2023/114, 12-06-2023", or null when the target names no decision. */
export function describeDecision(target: Pick<Target, 'besluitKenmerk' | 'besluitDatum'>): string | null {
  if (!target.besluitKenmerk) return null;
  return target.besluitDatum
    ? `${target.besluitKenmerk}, ${formatDecisionDate(target.besluitDatum)}`
    : target.besluitKenmerk;
}
