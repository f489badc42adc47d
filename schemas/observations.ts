import {
  areaCodePattern,
  gemeenteCodeParam,
  indicatorIdPattern,
  listParam,
  pageLinksSchema,
  pageParams,
  pagingSchema,
  periodPattern,
  yearParam,
} from './common.ts';
import { areaLevelSchema } from './enums.ts';
import { z } from './zod.ts';

export const observationListQuerySchema = z.object({
  indicator: listParam(indicatorIdPattern, 'indicator-id’s', 'bijstand_huishoudens_pct').optional(),
  gebied: listParam(areaCodePattern, 'gebiedscodes', 'BU19160200,BU19160602').optional(),
  niveau: areaLevelSchema.optional(),
  periode: listParam(periodPattern, 'perioden', '2020,2022').optional(),
  gemeente: gemeenteCodeParam.optional(),
  indeling: yearParam('indeling').optional(),
  ...pageParams,
});
export type ObservationListQuery = z.infer<typeof observationListQuerySchema>;

export const observationIdPathSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, 'Verwacht een numeriek id')
    .transform(Number)
    .openapi({ type: 'integer', example: 1 }),
});

export const flagSchema = z.enum(['voorlopig', 'geheim', 'afgerond']).openapi('Vlag', {
  description:
    'voorlopig: kan nog veranderen; geheim: niet gepubliceerd; afgerond: waarde of aantallen afgerond',
});
export type Flag = z.infer<typeof flagSchema>;

export const suppressionSchema = z
  .object({
    reden: z.enum(['te_klein', 'cbs_geheim']),
    label: z.string().openapi({ example: 'geheim / te klein' }),
    toelichting: z.string(),
  })
  .openapi('Geheimhouding', { description: 'Waarom waarde, teller en noemer ontbreken' });

const figures = {
  waarde: z.number().nullable().describe('Leeg wanneer onbekend of geheim'),
  teller: z.number().nullable(),
  noemer: z.number().nullable(),
  vlaggen: z.array(flagSchema),
  afronding: z.object({
    waarde: z.number().nullable().describe('De waarde is afgerond op deze stap (1 → ±0,5)'),
    aantallen: z.number().nullable().describe('Teller en noemer zijn afgerond op dit grondtal (CBS: 10)'),
  }),
  geheim: suppressionSchema.nullable(),
  bron: z.string().describe('De bron van deze waarde (per waarde, niet de nominale bron van de indicator)'),
  bronvlaggen: z
    .array(z.string())
    .describe(
      'Vlaggen uit het bronbestand, bijv. regiocode_afgeleid_uit_volgorde_en_naam(…): de gebiedscode is op naam en volgorde gekoppeld',
    ),
  interval95: z
    .object({ onder: z.number(), boven: z.number() })
    .nullable()
    .describe('Gepubliceerd 95%-betrouwbaarheidsinterval (enquêtecijfers); leeg wanneer niet gegeven'),
};

export const observationSchema = z
  .object({
    id: z.number().int(),
    indicator: z.string(),
    gebied: z.string(),
    gebiedsnaam: z.string(),
    niveau: areaLevelSchema,
    indeling: z.number().int(),
    periode: z.string(),
    jaar: z.number().int(),
    ...figures,
    importId: z.number().int().nullable(),
    bijgewerkt: z.string().describe('Tijdstip van de laatste wijziging (ISO 8601)'),
  })
  .openapi('Waarneming');
export type ObservationBody = z.infer<typeof observationSchema>;

export const observationListSchema = z
  .object({ waarnemingen: z.array(observationSchema), paginering: pagingSchema, _links: pageLinksSchema })
  .openapi('WaarnemingenLijst');

export const revisionSchema = z
  .object({
    ...figures,
    importId: z.number().int().nullable().describe('De import die deze waarde bracht'),
    geldigVanaf: z.string(),
    vervangenOp: z.string(),
    vervangenDoorImport: z
      .number()
      .int()
      .nullable()
      .describe('De import die deze waarde verving; wie dat deed staat alleen in het auditlog van beheer'),
  })
  .openapi('EerdereWaarde');

export const observationHistorySchema = z
  .object({
    waarneming: observationSchema,
    historie: z.array(revisionSchema).describe('Eerdere waarden, nieuwste eerst'),
  })
  .openapi('WaarnemingHistorie');
