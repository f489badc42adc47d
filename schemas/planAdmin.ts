import { areaCodeParam } from './common.ts';
import { halfYearParam, organisationSchema, voortgangEntrySchema } from './plan.ts';
import { z } from './zod.ts';

// ---- Beheer: creating and changing doelen, inspanningen and organisations (decision 0110) ----
// A change sends the whole doel or inspanning (PUT): the form always shows every field, and
// "absent" can never be mistaken for "cleared".

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: verwacht tekst` })
    .trim()
    .min(1, `Vul ${label.toLowerCase()} in`)
    .max(max, `${label}: hooguit ${max} tekens`);
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}: verwacht tekst` })
    .trim()
    .max(max, `${label}: hooguit ${max} tekens`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));
const idOf = (what: string) =>
  z
    .number({ error: `Verwacht het id van ${what} (een getal)` })
    .int(`Verwacht het id van ${what} (een geheel getal)`)
    .positive(`Verwacht het id van ${what} (een positief getal)`);
const codeSchema = (what: string) =>
  z
    .string({ error: `Code van ${what}: verwacht tekst` })
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/,
      `Code van ${what}: 1 tot 20 letters, cijfers, punt of streepje`,
    );

/** A period bound: a year (2023) or a half year (2023-H2); null or absent = open. */
export const periodBoundSchema = z
  .string({ error: 'Verwacht een jaar of half jaar' })
  .trim()
  .regex(/^\d{4}(-H[12])?$/, 'Verwacht een jaar (2023) of half jaar (2023-H2)')
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** 2023 ≤ 2023-H1 ≤ 2023-H2: a bound as the first (start) or last (end) half year it covers. */
const boundIndex = (bound: string, edge: 'start' | 'eind') => {
  const [year, half] = bound.split('-H');
  return Number(year) * 2 + (half ? Number(half) - 1 : edge === 'start' ? 0 : 1);
};

export const organisationInputSchema = z
  .object({
    naam: text('Naam', 200),
    gemeente: z
      .string({ error: 'Verwacht een gemeentecode' })
      .regex(/^GM\d{4}$/, 'Verwacht een CBS-gemeentecode als GM1916')
      .describe('De gemeente in wier programma’s de organisatie meedoet'),
  })
  .strict()
  .openapi('OrganisatieInvoer');
/** A rename; the gemeente of an organisation stays. */
export const organisationRenameSchema = z
  .object({ naam: text('Naam', 200) })
  .strict()
  .openapi('OrganisatieHernoemen');
export const adminOrganisationSchema = z
  .object({
    id: z.number().int(),
    naam: z.string(),
    gemeente: z.string(),
    inspanningen: z.number().int().describe('In hoeveel inspanningen trekker of partner'),
    gebruikers: z.number().int().describe('Hoeveel partner-gebruikers namens deze organisatie werken'),
  })
  .openapi('BeheerOrganisatie');
export type AdminOrganisationBody = z.infer<typeof adminOrganisationSchema>;

export const doelInputSchema = z
  .object({
    code: codeSchema('het doel'),
    titel: text('Titel', 500),
    omschrijving: optionalText('Omschrijving', 5000),
    bovenliggend: idOf('het bovenliggende doel')
      .nullable()
      .optional()
      .transform((value) => value ?? null)
      .describe('Het doel waarvan dit een subdoel is; null of weg = hoofddoel'),
  })
  .strict()
  .openapi('DoelInvoer');
export type DoelInput = z.infer<typeof doelInputSchema>;

const amountSchema = z
  .object({
    jaar: z
      .number({ error: 'Jaar: verwacht een getal' })
      .int('Jaar: verwacht een geheel jaartal')
      .min(2000, 'Jaar vóór 2000')
      .max(2100, 'Jaar na 2100')
      .nullable()
      .describe('Null: één bedrag voor de hele looptijd'),
    bedrag: z
      .number({ error: 'Bedrag: verwacht een getal in euro' })
      .min(0, 'Een bedrag kan niet negatief zijn'),
  })
  .strict();

const inspanningFields = {
  code: codeSchema('de inspanning'),
  soort: z.enum(['actie', 'bestaand'], { error: 'Kies actie of bestaand' }).default('actie'),
  wat: text('Wat', 1000),
  hoe: optionalText('Hoe', 5000),
  wanneer: z
    .object({
      tekst: optionalText('Periode als tekst', 200),
      start: periodBoundSchema,
      eind: periodBoundSchema,
    })
    .strict()
    .default({ tekst: null, start: null, eind: null })
    .refine(
      ({ start, eind }) =>
        start === null || eind === null || boundIndex(start, 'start') <= boundIndex(eind, 'eind'),
      { message: 'Het einde ligt vóór de start', path: ['eind'] },
    ),
  trekker: idOf('een organisatie')
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  partners: z.array(idOf('een organisatie')).max(50, 'Hooguit 50 partners').default([]),
  middelen: z
    .object({
      tekst: optionalText('Middelen als tekst', 500).describe('"Regulier", "Nader te bepalen", …'),
      bedragen: z.array(amountSchema).max(30, 'Hooguit 30 bedragen').default([]),
    })
    .strict()
    .default({ tekst: null, bedragen: [] })
    .refine((m) => new Set(m.bedragen.map((a) => a.jaar)).size === m.bedragen.length, {
      message: 'Elk jaar mag één bedrag hebben',
      path: ['bedragen'],
    }),
  doelen: z.array(codeSchema('een doel')).max(50).default([]).describe('Codes van de doelen'),
  gebieden: z.array(areaCodeParam).max(200).default([]),
  output: z
    .object({
      omschrijving: text('Omschrijving van de output', 200),
      gepland: z
        .number({ error: 'Geplande output: verwacht een getal' })
        .min(0, 'Geplande output kan niet negatief zijn')
        .nullable(),
    })
    .strict()
    .nullable()
    .default(null),
};
export const inspanningInputSchema = z.object(inspanningFields).strict().openapi('InspanningInvoer');
export type InspanningInput = z.infer<typeof inspanningInputSchema>;

// ---- Beheer: the half-yearly voortgang form ----

export const voortgangFormRowSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    wat: z.string(),
    wanneer: z.string().nullable().describe('De periode zoals het plan die schrijft'),
    loopt: z.boolean().describe('Of de periode van de inspanning dit half jaar omvat'),
    trekker: organisationSchema.nullable(),
    partners: z.array(organisationSchema),
    output: z.object({ omschrijving: z.string(), gepland: z.number().nullable() }).nullable(),
    huidig: voortgangEntrySchema.nullable().describe('De geldende regel van dit half jaar, als die er is'),
    vorige: voortgangEntrySchema.nullable().describe('De nieuwste regel van een eerder half jaar'),
    geschiedenis: z
      .array(voortgangEntrySchema.extend({ door: z.string() }))
      .describe('Elke vastlegging van dit half jaar, nieuwste eerst (niets wordt overschreven)'),
  })
  .openapi('VoortgangFormulierRegel');
export type VoortgangFormRowBody = z.infer<typeof voortgangFormRowSchema>;

export const voortgangFormQuerySchema = z.object({ periode: halfYearParam });

export const voortgangFormDataSchema = z
  .object({
    programma: z.object({ id: z.string(), naam: z.string() }),
    periode: z.string(),
    organisatie: organisationSchema
      .nullable()
      .describe('Voor een partner: de eigen organisatie; alleen haar inspanningen staan erin'),
    inspanningen: z.array(voortgangFormRowSchema),
  })
  .openapi('VoortgangFormulier');
export type VoortgangFormDataBody = z.infer<typeof voortgangFormDataSchema>;

export const adminPlansSchema = z
  .object({
    programmas: z.array(
      z.object({ id: z.string(), naam: z.string(), gemeente: z.string(), inspanningen: z.number().int() }),
    ),
  })
  .openapi('BeheerPlannen');
export type AdminPlansBody = z.infer<typeof adminPlansSchema>;

export const savedOrganisationSchema = z
  .object({ id: z.number().int(), naam: z.string(), gemeente: z.string() })
  .openapi('BeheerOrganisatieOpgeslagen');
export const savedDoelSchema = z
  .object({
    id: z.number().int(),
    programma: z.string(),
    code: z.string(),
    titel: z.string(),
    omschrijving: z.string().nullable(),
    bovenliggend: z.number().int().nullable(),
  })
  .openapi('BeheerDoel');
export const savedInspanningSchema = inspanningInputSchema
  .extend({ id: z.number().int(), programma: z.string() })
  .openapi('BeheerInspanning');
