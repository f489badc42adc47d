import { areaCodePattern, indicatorIdPattern, programmeIdParam, yearParam } from './common.ts';
import { programmeAreaRoleSchema } from './enums.ts';
import { adminTargetSchema, publicTargetSchema } from './targets.ts';
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

export { publicTargetSchema as targetSchema, type TargetBody } from './targets.ts';

export const programmeDetailSchema = programmeSummarySchema
  .extend({
    gebieden: z.array(programmeAreaSchema),
    streefwaarden: z.array(publicTargetSchema),
  })
  .openapi('ProgrammaDetail');
export type ProgrammeDetailBody = z.infer<typeof programmeDetailSchema>;

// Beheer: the programme's name, areas and reference area, and each result row's related series.

const code = (what: string) =>
  z
    .string({ error: `Vul ${what} in` })
    .trim()
    .regex(areaCodePattern, `Verwacht ${what} als BU19160200, WK191602 of GM1916`);

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
export type ProgrammePatch = z.infer<typeof programmePatchSchema>;

export const adminProgrammeListSchema = z
  .object({ programmas: z.array(z.object({ id: z.string(), naam: z.string(), gemeente: z.string() })) })
  .openapi('BeheerProgrammas');

/** A programme with its areas, as the beheer screens show it and the audit log records it. */
export const adminProgrammeSchema = z
  .object({
    id: z.string(),
    naam: z.string(),
    gemeentecode: z.string(),
    startjaar: z.number().int(),
    horizonJaren: z.number().int(),
    indeling: z.number().int(),
    referentiegebied: z.string(),
    gebieden: z.array(
      z.object({
        gebiedscode: z.string(),
        rol: programmeAreaRoleSchema,
        label: z.string().nullable(),
        naam: z.string().nullable(),
      }),
    ),
  })
  .openapi('BeheerProgramma');
export type AdminProgramme = z.infer<typeof adminProgrammeSchema>;

/** One row of the programme's plan: an indicator it follows, and the related series shown beside it. */
export const programmeIndicatorRowSchema = z
  .object({
    indicatorId: z.string(),
    rol: z.enum(['resultaat', 'monitoring']),
    label: z.string().nullable(),
    verwanteIndicatorId: z
      .string()
      .nullable()
      .describe(
        'De echte reeks van een andere definitie die naast deze rij staat zolang ze alleen een basiswaarde heeft',
      ),
  })
  .openapi('ProgrammaRij');
export type ProgrammeIndicatorRow = z.infer<typeof programmeIndicatorRowSchema>;

/** Everything the targets editor needs in one answer: programme, areas, targets, rows, indicators. */
export const adminProgrammeDetailSchema = adminProgrammeSchema
  .extend({
    streefwaarden: z.array(adminTargetSchema),
    rijen: z.array(programmeIndicatorRowSchema),
    indicatoren: z.array(z.object({ id: z.string(), naam: z.string(), eenheid: z.string() })),
  })
  .openapi('BeheerProgrammaDetail');
export type AdminProgrammeDetail = z.infer<typeof adminProgrammeDetailSchema>;

export const programmeRowPathSchema = z.object({
  id: programmeIdParam,
  indicatorId: z.string().regex(indicatorIdPattern, 'Ongeldig indicator-id'),
});

/** Change a row's related series ("verwante reeks"); null removes it. */
export const programmeRowPatchSchema = z
  .object({
    verwanteIndicatorId: z
      .string({ error: 'Kies een indicator of geen' })
      .regex(indicatorIdPattern, 'Ongeldig indicator-id')
      .nullable(),
  })
  .strict()
  .openapi('ProgrammaRijWijzigen');
