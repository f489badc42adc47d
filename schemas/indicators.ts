import { indicatorIdParam } from './common.ts';
import { areaLevelSchema, polaritySchema } from './enums.ts';
import { z } from './zod.ts';

export const indicatorListQuerySchema = z.object({
  thema: z
    .string({ error: 'Verwacht één thema' })
    .min(1, 'Thema is leeg')
    .max(100, 'Thema langer dan 100 tekens')
    .optional()
    .describe('Alleen indicatoren van dit thema'),
});

export const indicatorIdPathSchema = z.object({ id: indicatorIdParam });

export const indicatorSchema = z
  .object({
    id: z.string().openapi({ example: 'bijstand_huishoudens_pct' }),
    naam: z.string(),
    korteNaam: z.string().nullable(),
    eenheid: z.string().openapi({ example: '%' }),
    polariteit: polaritySchema,
    decimalen: z.number().int(),
    definitie: z.string(),
    bron: z.string(),
    thema: z.string().nullable(),
    teller: z.string().nullable().describe('Bij een aandeel: wat geteld wordt'),
    noemer: z.string().nullable().describe('Bij een aandeel: waarvan'),
    openbaarmaking: z
      .object({
        minimumNoemer: z.number().nullable(),
        minimumTeller: z.number().nullable(),
      })
      .describe('Onder deze aantallen wordt een waarde nooit gepubliceerd (geheim / te klein)'),
  })
  .openapi('Indicator');
export type IndicatorBody = z.infer<typeof indicatorSchema>;

export const indicatorListSchema = z
  .object({ indicatoren: z.array(indicatorSchema) })
  .openapi('IndicatorenLijst', { description: 'De hele catalogus; klein genoeg om niet te pagineren' });

export const indicatorDetailSchema = indicatorSchema
  .extend({
    beschikbaar: z
      .array(
        z.object({
          periode: z.string(),
          indeling: z.number().int(),
          niveau: areaLevelSchema,
          aantal: z.number().int().describe('Aantal gebieden met een waarneming'),
        }),
      )
      .describe('Voor welke perioden, indelingen en niveaus er waarnemingen zijn'),
  })
  .openapi('IndicatorDetail');
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
