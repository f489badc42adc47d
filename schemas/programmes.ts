import { programmeIdParam, yearParam } from './common.ts';
import { programmeAreaRoleSchema, targetKindSchema } from './enums.ts';
import { z } from './zod.ts';

export const programmeIdPathSchema = z.object({ id: programmeIdParam });
export const programmeProgressQuerySchema = z.object({
  jaar: yearParam('jaar')
    .optional()
    .describe('Beoordeel naar de stand in dit jaar; standaard de nieuwste gegevens'),
});

export const programmeSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'sterk-voor-noord' }),
    naam: z.string(),
    omschrijving: z.string(),
    gemeente: z.string(),
    gemeenteNaam: z
      .string()
      .nullable()
      .describe('De naam van de gemeente, bijvoorbeeld "Leidschendam-Voorburg"'),
    startjaar: z.number().int(),
    horizonJaren: z.number().int(),
    indeling: z
      .number()
      .int()
      .describe('De gebiedsindeling waarin de gebieden van het programma getekend zijn'),
    referentiegebied: z.string(),
    referentiegebiedNaam: z.string().nullable().describe('De naam van het referentiegebied'),
    bronDocument: z.string().nullable(),
    bijgewerkt: z.string(),
  })
  .openapi('Programma');
export type ProgrammeSummaryBody = z.infer<typeof programmeSummarySchema>;

export const programmeListSchema = z
  .object({ programmas: z.array(programmeSummarySchema) })
  .openapi('ProgrammasLijst');

export const programmeAreaSchema = z.object({
  code: z.string(),
  naam: z.string().nullable(),
  niveau: z.string().nullable(),
  rol: programmeAreaRoleSchema,
  label: z.string().nullable().describe('De naam die het plan gebruikt, bijvoorbeeld "Heuvel Noord"'),
});

export const targetSchema = z
  .object({
    id: z.number().int(),
    indicator: z.string(),
    indicatornaam: z.string(),
    gebied: z.string(),
    gebiedsnaam: z.string().nullable(),
    horizon: z.number().int(),
    streefjaar: z.number().int(),
    soort: targetKindSchema,
    streefwaarde: z
      .number()
      .nullable()
      .describe('Absoluut: het doel; referentieniveau: het vaste getal uit het plan'),
    referentiegebied: z.string().nullable(),
    richting: z.enum(['toename', 'afname']).nullable(),
    basisjaar: z.number().int().nullable(),
    basiswaarde: z.number().nullable(),
    basisteller: z.number().nullable(),
    basisbron: z.enum(['plan', 'waarnemingen']),
    planTekst: z.string().nullable().describe('De cel zoals het plan hem schrijft, bijvoorbeeld "6% LV"'),
    toelichting: z.string().nullable(),
  })
  .openapi('Streefwaarde');
export type TargetBody = z.infer<typeof targetSchema>;

export const programmeDetailSchema = programmeSummarySchema
  .extend({
    gebieden: z.array(programmeAreaSchema),
    streefwaarden: z.array(targetSchema),
  })
  .openapi('ProgrammaDetail');
export type ProgrammeDetailBody = z.infer<typeof programmeDetailSchema>;
