import type {
  AdminOrganisationBody,
  AdminPlansBody,
  VoortgangFormDataBody,
  VoortgangFormRowBody,
} from '../../../../schemas/planAdmin.ts';
import { parseDutchNumber } from '../beheerApi.ts';

// Types of the plan's beheer answers (from the zod schemas) and the half years the forms offer.

export type AdminOrganisation = AdminOrganisationBody;
export type AdminPlans = AdminPlansBody;
export type VoortgangForm = VoortgangFormDataBody;
export type VoortgangFormRow = VoortgangFormRowBody;

/** The current half year and the ones around it: three back, one ahead, newest first. */
export function halfYearChoices(today = new Date()): string[] {
  const index = today.getFullYear() * 2 + (today.getMonth() < 6 ? 0 : 1);
  const choices: string[] = [];
  for (let i = index + 1; i >= index - 3; i -= 1) choices.push(`${Math.floor(i / 2)}-H${(i % 2) + 1}`);
  return choices;
}

export function currentHalfYear(today = new Date()): string {
  return `${today.getFullYear()}-H${today.getMonth() < 6 ? 1 : 2}`;
}

/**
 * An amount in euro as people type it: "15.000" is fifteen thousand (a Dutch thousands point), as
 * are "15000" and "15.000,00"; "12,5" is twelve and a half. Empty → null; not a number → undefined.
 */
export function parseEuro(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s|€/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ''));
  return parseDutchNumber(trimmed);
}
