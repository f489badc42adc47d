import { programmeAreaRoleSchema, targetKindSchema } from '../../schemas/enums.ts';
import { programmeIdPattern } from '../../schemas/vocabulary.ts';
import { z } from '../../schemas/zod.ts';

const code = (what: string) =>
  z
    .string({ error: `Vul ${what} in` })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, `Verwacht ${what} als BU19160200, WK191602 of GM1916`);

const year = (what: string) =>
  z
    .number({ error: `Verwacht een jaartal (${what})` })
    .int(`Verwacht een heel jaartal (${what})`)
    .min(1900, `${what} vóór 1900`)
    .max(2100, `${what} na 2100`);

const finiteNumber = (what: string) => z.number({ error: `Verwacht een getal (${what})` }).finite();

/** Every field of a target, as the beheer API takes it; the rules per kind are in `targetRules`. */
export const targetFields = {
  programmaId: z.string({ error: 'Kies een programma' }).regex(programmeIdPattern, 'Onbekend programma-id'),
  indicatorId: z
    .string({ error: 'Kies een indicator' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, 'Ongeldig indicator-id'),
  gebiedscode: code('een gebiedscode'),
  horizon: z.union([z.literal(10), z.literal(20)], { error: 'De horizon is 10 of 20 jaar' }),
  streefjaar: year('streefjaar'),
  soort: targetKindSchema,
  streefwaarde: finiteNumber('streefwaarde').nullable().optional(),
  referentiegebied: code('een referentiegebied').nullable().optional(),
  richting: z
    .enum(['toename', 'afname'], { error: 'Kies de richting toename of afname' })
    .nullable()
    .optional(),
  basisjaar: year('basisjaar').nullable().optional(),
  basiswaarde: finiteNumber('basiswaarde').nullable().optional(),
  planTekst: z.string().trim().max(200, 'Hoogstens 200 tekens').nullable().optional(),
  toelichting: z.string().trim().max(2000, 'Hoogstens 2000 tekens').nullable().optional(),
};

/**
 * What each kind needs, and a target year after the baseline year. Checked on the raw input too,
 * so that one answer names every problem, also when another field is already wrong.
 */
export function targetRuleIssues(target: Record<string, unknown>): Array<{ name: string; reason: string }> {
  const issues: Array<{ name: string; reason: string }> = [];
  const missing = (value: unknown) => value === undefined || value === null || value === '';
  if (target.soort === 'absoluut' && missing(target.streefwaarde)) {
    issues.push({ name: 'streefwaarde', reason: 'Een absolute streefwaarde heeft een getal nodig' });
  }
  if (target.soort === 'referentieniveau' && missing(target.referentiegebied)) {
    issues.push({
      name: 'referentiegebied',
      reason: 'Een referentieniveau heeft een referentiegebied nodig (bijvoorbeeld GM1916)',
    });
  }
  if (target.soort === 'richting' && missing(target.richting)) {
    issues.push({ name: 'richting', reason: 'Kies de beoogde richting: toename of afname' });
  }
  const { streefjaar, basisjaar } = target;
  if (typeof streefjaar === 'number' && typeof basisjaar === 'number' && streefjaar <= basisjaar) {
    issues.push({ name: 'streefjaar', reason: `Het streefjaar moet na het basisjaar (${basisjaar}) liggen` });
  }
  return issues;
}

export const newTargetSchema = z
  .object(targetFields)
  .strict()
  .superRefine((target, ctx) => {
    for (const issue of targetRuleIssues(target)) {
      ctx.addIssue({ code: 'custom', path: [issue.name], message: issue.reason });
    }
  })
  .openapi('NieuweStreefwaarde');
export type TargetInput = z.infer<typeof newTargetSchema>;

/** A change: any field but the programme; the merged result must pass `newTargetSchema`. */
export const targetPatchSchema = z
  .object(targetFields)
  .omit({ programmaId: true })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Geef minstens één veld om te wijzigen')
  .openapi('StreefwaardeWijzigen');

export const programmePatchSchema = z
  .object({
    naam: z.string().trim().min(1, 'Vul een naam in').max(200, 'Hoogstens 200 tekens').optional(),
    referentiegebied: code('een referentiegebied').optional(),
    gebieden: z
      .array(
        z
          .object({
            gebiedscode: code('een gebiedscode'),
            rol: programmeAreaRoleSchema,
            label: z.string().trim().max(100).nullable().optional(),
          })
          .strict(),
      )
      .min(1, 'Een programma heeft minstens één gebied')
      .max(200)
      .refine(
        (areas) => new Set(areas.map((a) => a.gebiedscode)).size === areas.length,
        'Elk gebied maar één keer',
      )
      .optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Geef minstens één veld om te wijzigen')
  .openapi('ProgrammaWijzigen');
