import {
  gemeenteCodeParam,
  horizonParam,
  indicatorIdParam,
  periodParam,
  programmeIdParam,
  yearParam,
} from './common.ts';
import { areaLevelSchema, mapStatusSchema } from './enums.ts';
import { z } from './zod.ts';

export const mapLayerPathSchema = z.object({ indicator: indicatorIdParam });

export const mapLayerQuerySchema = z.object({
  periode: periodParam.describe('De periode (verplicht), bijvoorbeeld 2022'),
  niveau: areaLevelSchema.optional().describe('Standaard buurt'),
  gemeente: gemeenteCodeParam.optional().describe('Zonder gemeente: heel Nederland'),
  horizon: horizonParam.optional().describe('Streefwaarde over 10 of 20 jaar (standaard 10)'),
  programma: programmeIdParam
    .optional()
    .describe(
      'Het programma waarvan de streefwaarden tellen; standaard dat van de gemeente, zonder gemeente die van elk programma',
    ),
  indeling: yearParam('indeling')
    .optional()
    .describe(
      'Standaard de indeling die bij de periode hoort (GET /api/v1/indelingen; GM1916: t/m 2018 → 2017, 2019 en later → 2022)',
    ),
  vorm: z
    .enum(['rijen', 'kolommen'], { error: 'Kies de vorm rijen of kolommen' })
    .optional()
    .describe(
      'rijen (standaard): `waarden` als lijst van objecten; kolommen: `kolommen`, één lijst per veld, compact',
    ),
});
export type MapLayerQuery = z.infer<typeof mapLayerQuerySchema>;

export const mapValueSchema = z
  .object({
    code: z.string(),
    waarde: z.number().nullable(),
    teller: z.number().nullable(),
    noemer: z.number().nullable(),
    status: mapStatusSchema,
    statusLabel: z.string(),
    score: z.number().nullable().describe('−5…+5 volgens de voortgangsmethode'),
    programma: z
      .string()
      .nullable()
      .describe('Het programma waarvan de streefwaarde telt; leeg zonder streefwaarde'),
    streefwaarde: z
      .number()
      .nullable()
      .describe('Het streefgetal van die streefwaarde (bij een referentieniveau het getal van het plan)'),
    geheim: z
      .enum(['te_klein', 'cbs_geheim'])
      .optional()
      .describe('Alleen aanwezig als de waarde niet gepubliceerd wordt, met de reden'),
  })
  .openapi('KaartWaarde');
export type MapValue = z.infer<typeof mapValueSchema>;

export const mapLayerSchema = z
  .object({
    indicator: z.string(),
    periode: z.string(),
    indeling: z.number().int(),
    niveau: areaLevelSchema,
    gemeente: z.string().nullable(),
    horizon: z.number().int(),
    programma: z
      .string()
      .nullable()
      .describe('Het gevraagde programma, of het enige waarvan streefwaarden in de laag tellen'),
    eenheid: z.string(),
    decimalen: z.number().int(),
    bron: z.string(),
    waarden: z.array(mapValueSchema),
  })
  .openapi('Kaartlaag', {
    description:
      'Waarden en status van elk gebied van één niveau voor één indicator × periode; de geometrie apart',
  });
export type MapLayer = z.infer<typeof mapLayerSchema>;

const column = <T extends z.ZodType>(item: T) => z.array(item);

export const mapLayerColumnsSchema = z
  .object({
    ...mapLayerSchema.omit({ waarden: true }).shape,
    kolommen: z
      .object({
        codes: column(z.string()),
        waarden: column(z.number().nullable()),
        tellers: column(z.number().nullable()),
        noemers: column(z.number().nullable()),
        statussen: column(mapStatusSchema),
        statusLabels: column(z.string()),
        scores: column(z.number().nullable()),
        programmas: column(z.string().nullable()),
        streefwaarden: column(z.number().nullable()),
        geheim: column(z.enum(['te_klein', 'cbs_geheim']).nullable()),
      })
      .describe('Op plaats i staat in elke kolom hetzelfde gebied'),
  })
  .openapi('KaartlaagKolommen', {
    description: 'Dezelfde kaartlaag in kolommen (vorm=kolommen): kleiner, en in één keer te lezen',
  });
export type MapLayerColumns = z.infer<typeof mapLayerColumnsSchema>;

export const geometryPathSchema = z.object({
  indeling: yearParam('indeling'),
  niveau: areaLevelSchema,
});
export const geometryQuerySchema = z.object({
  gemeente: gemeenteCodeParam.optional().describe('Zonder gemeente: heel Nederland'),
});

const geometrySchema = z
  .object({ type: z.string(), coordinates: z.array(z.unknown()) })
  .nullable()
  .openapi('Geometrie', { description: 'GeoJSON-geometrie (RFC 7946) in WGS84; leeg als onbekend' });

export const featureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    bbox: z.array(z.number()).optional(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({ code: z.string(), naam: z.string() }),
        geometry: geometrySchema,
      }),
    ),
  })
  .openapi('GebiedenGeoJson');
