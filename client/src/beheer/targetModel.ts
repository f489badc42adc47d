import type { ProgrammeAreaRole, TargetKind } from '../../../schemas/enums.ts';

export type { TargetKind };

export interface Target {
  id: number;
  programmaId: string;
  indicatorId: string;
  gebiedscode: string;
  horizon: 10 | 20;
  streefjaar: number;
  soort: TargetKind;
  streefwaarde: number | null;
  referentiegebied: string | null;
  richting: 'toename' | 'afname' | null;
  basisjaar: number | null;
  basiswaarde: number | null;
  planTekst: string | null;
  toelichting: string | null;
  gewijzigd: string;
}

export interface ProgrammeArea {
  gebiedscode: string;
  rol: ProgrammeAreaRole;
  label: string | null;
  naam: string | null;
}

export interface ProgrammeDetail {
  id: string;
  naam: string;
  startjaar: number;
  horizonJaren: number;
  indeling: number;
  referentiegebied: string;
  gebieden: ProgrammeArea[];
  streefwaarden: Target[];
  indicatoren: Array<{ id: string; naam: string; eenheid: string }>;
}

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
