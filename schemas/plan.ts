import { areaCodeParam, programmeIdParam } from './common.ts';
import { z } from './zod.ts';

// A programme's plan: doelen (doel → subdoel), inspanningen with partners, middelen and periods,
// and the half-yearly voortgang per inspanning. Public responses name organisations, never persons.

export const voortgangStatuses = ['niet_gestart', 'loopt', 'vertraagd', 'afgerond', 'gestopt'] as const;
export const voortgangStatusSchema = z
  .enum(voortgangStatuses, { error: `Verwacht een van: ${voortgangStatuses.join(', ')}` })
  .openapi('InspanningStatus', { description: 'Status van een inspanning in een half jaar' });
export type VoortgangStatusKey = z.infer<typeof voortgangStatusSchema>;

/** The words the pages and the report use for each status. */
export const voortgangStatusLabels: Record<VoortgangStatusKey, string> = {
  niet_gestart: 'niet gestart',
  loopt: 'loopt',
  vertraagd: 'vertraagd',
  afgerond: 'afgerond',
  gestopt: 'gestopt',
};

export const halfYearParam = z
  .string({ error: 'Verwacht één half jaar' })
  .regex(/^\d{4}-H[12]$/, 'Verwacht een half jaar als 2026-H1 of 2026-H2')
  .openapi({ example: '2026-H1' });

export const planPathSchema = z.object({ id: programmeIdParam });
export const planQuerySchema = z.object({
  partner: z
    .string({ error: 'Verwacht één organisatie-id' })
    .regex(/^\d{1,9}$/, 'Verwacht het id van een organisatie (een getal)')
    .transform(Number)
    .optional()
    .describe('Alleen de inspanningen waarin deze organisatie trekker of partner is'),
  gebied: areaCodeParam
    .optional()
    .describe('Alleen de inspanningen in dit gebied (of in een gebied dat het bevat)'),
  periode: halfYearParam
    .optional()
    .describe('De stand in dit half jaar; standaard het nieuwste half jaar met voortgang'),
});

export const organisationSchema = z.object({ id: z.number().int(), naam: z.string() }).openapi('Organisatie');
export type OrganisationBody = z.infer<typeof organisationSchema>;

export const voortgangEntrySchema = z
  .object({
    periode: z.string().describe('Half jaar, bijvoorbeeld 2026-H1'),
    status: voortgangStatusSchema,
    toelichting: z.string().nullable(),
    outputGerealiseerd: z.number().nullable(),
    besteed: z.number().nullable().describe('Besteed bedrag in euro in dit half jaar'),
    vastgelegd: z.string().describe('Moment van vastleggen (ISO 8601)'),
  })
  .openapi('InspanningVoortgang');
export type VoortgangEntryBody = z.infer<typeof voortgangEntrySchema>;

export const budgetAmountSchema = z.object({
  jaar: z.number().int().nullable().describe('Null: één bedrag voor de hele looptijd'),
  bedrag: z.number(),
});

export const inspanningSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    soort: z
      .enum(['actie', 'bestaand'])
      .describe('actie uit het plan, of bestaande activiteit in het gebied'),
    wat: z.string(),
    hoe: z.string().nullable(),
    wanneer: z.object({
      tekst: z.string().nullable().describe('Zoals het plan het schrijft, bijvoorbeeld "Start 2023"'),
      start: z.string().nullable().describe('Jaar (2022) of half jaar (2022-H2)'),
      eind: z.string().nullable().describe('Jaar of half jaar; null = open einde'),
    }),
    trekker: organisationSchema.nullable(),
    partners: z.array(organisationSchema),
    middelen: z.object({
      tekst: z
        .string()
        .nullable()
        .describe('Zoals het plan het schrijft: "30.000 euro per jaar", "Regulier"'),
      bedragen: z.array(budgetAmountSchema),
      totaal: z
        .number()
        .nullable()
        .describe('Som van de bedragen in euro; null als het plan geen getal geeft'),
    }),
    doelen: z.array(z.string()).describe('Codes van de doelen waaraan de inspanning bijdraagt'),
    gebieden: z.array(z.string()),
    output: z
      .object({
        omschrijving: z.string(),
        gepland: z.number().nullable(),
        gerealiseerd: z.number().nullable(),
      })
      .nullable(),
    laatsteVoortgang: voortgangEntrySchema
      .nullable()
      .describe('De nieuwste regel tot en met het gevraagde half jaar'),
    besteedTotaal: z
      .number()
      .nullable()
      .describe('Som van de besteding over alle halve jaren tot en met het gevraagde'),
    geschiedenis: z.array(voortgangEntrySchema).describe('Per half jaar de geldende regel, oudste eerst'),
  })
  .openapi('Inspanning');
export type InspanningBody = z.infer<typeof inspanningSchema>;

export interface DoelBody {
  id: number;
  code: string;
  titel: string;
  omschrijving: string | null;
  indicatoren: string[];
  subdoelen: DoelBody[];
}
export const doelSchema: z.ZodType<DoelBody> = z
  .lazy(() =>
    z.object({
      id: z.number().int(),
      code: z.string(),
      titel: z.string(),
      omschrijving: z.string().nullable(),
      indicatoren: z.array(z.string()).describe('De resultaatrijen (indicatoren) van dit doel'),
      subdoelen: z.array(doelSchema),
    }),
  )
  .openapi('Doel');

export const budgetLineSchema = z.object({
  soort: z.enum(['begroting', 'financiering', 'totaal']),
  doel: z.string().nullable(),
  omschrijving: z.string(),
  jaar: z.number().int().nullable(),
  bedrag: z.number(),
  toelichting: z.string().nullable(),
});

export const planSchema = z
  .object({
    programma: z.string(),
    periode: z.string().nullable().describe('Het half jaar waarvan de stand getoond wordt'),
    ambitie: z.string().nullable(),
    monitoring: z.array(z.string()),
    begrotingToelichting: z.string().nullable(),
    doelen: z.array(doelSchema),
    inspanningen: z.array(inspanningSchema),
    organisaties: z
      .array(organisationSchema)
      .describe('Alle organisaties in de inspanningen, voor het filter'),
    begroting: z.array(budgetLineSchema),
    begrotingVerschillen: z
      .array(z.object({ jaar: z.number().int(), gedrukt: z.number(), som: z.number() }))
      .describe('Jaren waarin de gedrukte totaalregel afwijkt van de som van de begrotingsregels'),
    statusTelling: z.record(voortgangStatusSchema, z.number().int()).describe('Inspanningen per status'),
    zonderVoortgang: z.number().int().describe('Inspanningen zonder voortgang tot en met dit half jaar'),
    halveJaren: z.array(z.string()).describe('De halve jaren van de tijdlijn'),
    filter: z.object({ partner: z.number().int().nullable(), gebied: z.string().nullable() }),
  })
  .openapi('ProgrammaPlan');
export type PlanBody = z.infer<typeof planSchema>;

/** One line of the half-yearly voortgang form: every inspanning of the programme. */
export const voortgangInputSchema = z
  .object({
    inspanning: z.number().int().positive(),
    status: voortgangStatusSchema,
    toelichting: z.string().trim().max(2000, 'Toelichting: hooguit 2000 tekens').optional(),
    outputGerealiseerd: z.number().min(0, 'Gerealiseerde output kan niet negatief zijn').optional(),
    besteed: z.number().min(0, 'Besteed bedrag kan niet negatief zijn').optional(),
  })
  .strict();
export const voortgangFormSchema = z
  .object({ periode: halfYearParam, regels: z.array(voortgangInputSchema).min(1, 'Geef minstens één regel') })
  .strict()
  .openapi('InspanningVoortgangInvoer');
export type VoortgangFormBody = z.infer<typeof voortgangFormSchema>;

export const areaInspanningenPathSchema = z.object({ code: areaCodeParam });
export const areaInspanningenSchema = z
  .object({
    gebied: z.string(),
    programmas: z.array(
      z.object({
        id: z.string(),
        naam: z.string(),
        periode: z.string().nullable(),
        inspanningen: z.array(inspanningSchema),
      }),
    ),
  })
  .openapi('GebiedInspanningen');
export type AreaInspanningenBody = z.infer<typeof areaInspanningenSchema>;
