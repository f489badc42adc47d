import { areaCodePattern, indicatorIdPattern } from './common.ts';
import { targetKindSchema } from './enums.ts';
import { programmeIdPattern } from './vocabulary.ts';
import { z } from './zod.ts';

// The one target schema. A target (streefwaarde) appears in four shapes: the beheer input, its
// patch, the views (beheer and public) and the programme-definition file. They all take their
// fields from here, and one rule (`targetKindIssues`) says what each kind needs.

const code = (what: string) =>
  z
    .string({ error: `Vul ${what} in` })
    .trim()
    .regex(areaCodePattern, `Verwacht ${what} als BU19160200, WK191602 of GM1916`);

const year = (what: string) =>
  z
    .number({ error: `Verwacht een jaartal (${what})` })
    .int(`Verwacht een heel jaartal (${what})`)
    .min(1900, `${what} vóór 1900`)
    .max(2100, `${what} na 2100`);

const finiteNumber = (what: string) => z.number({ error: `Verwacht een getal (${what})` }).finite();

export const targetDirectionSchema = z.enum(['toename', 'afname'], {
  error: 'Kies de richting toename of afname',
});
export const targetHorizonSchema = z.union([z.literal(10), z.literal(20)], {
  error: 'De horizon is 10 of 20 jaar',
});

/** A calendar date as 2023-06-12 (the day the council decided). */
export const decisionDateSchema = z
  .string({ error: 'Verwacht een datum als 2023-06-12' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Verwacht een datum als 2023-06-12')
  .refine((text) => {
    const time = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
  }, 'Verwacht een bestaande datum als 2023-06-12')
  .openapi({ format: 'date', example: '2023-06-12' });

/** What a target demands, in the API's words; shared by input, views and the kind rule. */
const demandFields = {
  horizon: targetHorizonSchema,
  streefjaar: year('streefjaar'),
  soort: targetKindSchema,
  streefwaarde: finiteNumber('streefwaarde').nullable().optional(),
  referentiegebied: code('een referentiegebied').nullable().optional(),
  richting: targetDirectionSchema.nullable().optional(),
  basisjaar: year('basisjaar').nullable().optional(),
  basiswaarde: finiteNumber('basiswaarde').nullable().optional(),
};

/** The council decision a target rests on (issue 11 item 7), e.g. "Raadsbesluit 2023/114" of 2023-06-12. */
const decisionFields = {
  besluitKenmerk: z
    .string({ error: 'Vul het kenmerk van het raadsbesluit in' })
    .trim()
    .min(3, 'Vul het kenmerk van het raadsbesluit in, bijvoorbeeld Raadsbesluit 2023/114')
    .max(200, 'Hoogstens 200 tekens')
    .nullable()
    .optional(),
  besluitDatum: decisionDateSchema.nullable().optional(),
};

/** Every field of a target, as the beheer API takes it; what each kind needs is in `targetKindIssues`. */
export const targetFields = {
  programmaId: z.string({ error: 'Kies een programma' }).regex(programmeIdPattern, 'Onbekend programma-id'),
  indicatorId: z.string({ error: 'Kies een indicator' }).regex(indicatorIdPattern, 'Ongeldig indicator-id'),
  gebiedscode: code('een gebiedscode'),
  ...demandFields,
  planTekst: z.string().trim().max(200, 'Hoogstens 200 tekens').nullable().optional(),
  toelichting: z.string().trim().max(2000, 'Hoogstens 2000 tekens').nullable().optional(),
  ...decisionFields,
};

/** The fields whose change alters what the target demands, so the change rests on a council decision. */
export const demandFieldNames = Object.keys(demandFields) as Array<keyof typeof demandFields>;

export interface TargetIssue {
  name: string;
  reason: string;
}

interface KindRuleInput {
  soort?: unknown;
  streefwaarde?: unknown;
  referentiegebied?: unknown;
  richting?: unknown;
  streefjaar?: unknown;
  basisjaar?: unknown;
}

/**
 * The per-kind rule, once: an absolute target needs its number, a reference level its reference
 * area (and, in a definition file, the plan's own number), a direction its direction; the target
 * year lies after the baseline year. Checked on the raw input too, so one answer names every problem.
 */
export function targetKindIssues(
  target: KindRuleInput,
  options: { planNumber?: boolean } = {},
): TargetIssue[] {
  const issues: TargetIssue[] = [];
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
  if (target.soort === 'referentieniveau' && options.planNumber && missing(target.streefwaarde)) {
    issues.push({ name: 'streefwaarde', reason: 'Een referentieniveau heeft het getal uit het plan nodig' });
  }
  if (target.soort === 'richting' && missing(target.richting)) {
    issues.push({ name: 'richting', reason: 'Kies de beoogde richting: toename of afname' });
  }
  const { streefjaar, basisjaar } = target;
  if (typeof streefjaar === 'number' && typeof basisjaar === 'number' && streefjaar <= basisjaar) {
    issues.push({ name: 'streefjaar', reason: `Het streefjaar moet na het basisjaar (${basisjaar}) liggen` });
  }
  const { besluitKenmerk, besluitDatum } = target as { besluitKenmerk?: unknown; besluitDatum?: unknown };
  if (missing(besluitKenmerk) !== missing(besluitDatum)) {
    issues.push({
      name: missing(besluitKenmerk) ? 'besluitKenmerk' : 'besluitDatum',
      reason: 'Een raadsbesluit heeft een kenmerk én een datum',
    });
  }
  return issues;
}

const addIssues = (issues: TargetIssue[], ctx: z.RefinementCtx) => {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: [issue.name], message: issue.reason });
};

export const newTargetSchema = z
  .object(targetFields)
  .strict()
  .superRefine((target, ctx) => addIssues(targetKindIssues(target), ctx))
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
export type TargetPatch = z.infer<typeof targetPatchSchema>;

/** The views' form of the demand: every field present, null where a kind does not use it. */
const demandView = {
  horizon: z.number().int(),
  streefjaar: z.number().int(),
  soort: targetKindSchema,
  streefwaarde: z
    .number()
    .nullable()
    .describe('Absoluut: het doel; referentieniveau: het vaste getal uit het plan'),
  referentiegebied: z.string().nullable(),
  richting: targetDirectionSchema.nullable(),
  basisjaar: z.number().int().nullable(),
  basiswaarde: z.number().nullable(),
  planTekst: z.string().nullable().describe('De cel zoals het plan hem schrijft, bijvoorbeeld "6% LV"'),
  toelichting: z.string().nullable(),
  besluitKenmerk: z
    .string()
    .nullable()
    .describe('Het raadsbesluit waarop de streefwaarde rust, bijvoorbeeld "Raadsbesluit 2023/114"'),
  besluitDatum: z
    .string()
    .nullable()
    .openapi({ format: 'date' })
    .describe('De datum van dat besluit, bijvoorbeeld 2023-06-12'),
};

/** A target as beheer shows it: the input's fields, with its id and when it last changed. */
export const adminTargetSchema = z
  .object({
    id: z.number().int(),
    programmaId: z.string(),
    indicatorId: z.string(),
    gebiedscode: z.string(),
    ...demandView,
    gewijzigd: z.string(),
  })
  .openapi('BeheerStreefwaarde');
export type AdminTarget = z.infer<typeof adminTargetSchema>;

/** A target as the public API shows it, with the names of its indicator and area. */
export const publicTargetSchema = z
  .object({
    id: z.number().int(),
    indicator: z.string(),
    indicatornaam: z.string(),
    gebied: z.string(),
    gebiedsnaam: z.string().nullable(),
    ...demandView,
    basisteller: z.number().nullable(),
    basisbron: z.enum(['plan', 'waarnemingen']),
  })
  .openapi('Streefwaarde');
export type TargetBody = z.infer<typeof publicTargetSchema>;

/** One version of a target in its history: when, what it demanded, and the decision it rests on. */
export const targetVersionSchema = z
  .object({
    tijdstip: z.string(),
    actie: z.enum(['aanmaken', 'wijzigen', 'verwijderen', 'laden']),
    gebruiker: z.string().describe('Wie de wijziging deed (alleen in beheer)'),
    voor: adminTargetSchema.partial().nullable(),
    na: adminTargetSchema.partial().nullable(),
    besluitKenmerk: z.string().nullable(),
    besluitDatum: z.string().nullable().openapi({ format: 'date' }),
  })
  .openapi('StreefwaardeVersie');
export const targetHistorySchema = z
  .object({ historie: z.array(targetVersionSchema).describe('Nieuwste eerst') })
  .openapi('StreefwaardeHistorie');
export type TargetHistoryBody = z.infer<typeof targetHistorySchema>;

const fileAreaCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/);
const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional();

/** The definition-file words of the fields the kind rule reads. */
const fileNames: Record<string, string> = {
  streefwaarde: 'targetValue',
  referentiegebied: 'referenceAreaCode',
  richting: 'direction',
};

/**
 * A target in a programme-definition file (geodata/programmes/*.json): English keys, as the files
 * are written, but the same kinds, horizons and directions and the same per-kind rule; a
 * reference level also carries the plan's own number.
 */
export const definitionTargetSchema = z
  .object({
    indicatorId: z.string(),
    areaCode: fileAreaCode,
    horizon: targetHorizonSchema,
    kind: targetKindSchema,
    targetValue: z.number().optional(),
    referenceAreaCode: fileAreaCode.optional(),
    direction: targetDirectionSchema.optional(),
    baseline: z.object({
      year: z.number().int(),
      value: z.number(),
      numerator: z.number().optional(),
      /** When the baseline covers more than a year: first and last month, 'YYYY-MM'. */
      periodStart: yearMonth,
      periodEnd: yearMonth,
    }),
    planText: z.string().min(1),
    note: z.string().optional(),
    besluitKenmerk: z.string().min(3).optional(),
    besluitDatum: decisionDateSchema.optional(),
  })
  .strict()
  .superRefine((target, ctx) => {
    const issues = targetKindIssues(
      {
        soort: target.kind,
        streefwaarde: target.targetValue,
        referentiegebied: target.referenceAreaCode,
        richting: target.direction,
        besluitKenmerk: target.besluitKenmerk,
        besluitDatum: target.besluitDatum,
      } as KindRuleInput,
      { planNumber: true },
    );
    addIssues(
      issues.map((issue) => ({ ...issue, name: fileNames[issue.name] ?? issue.name })),
      ctx,
    );
  });
export type DefinitionTarget = z.infer<typeof definitionTargetSchema>;
