import { programmeIdParam } from './common.ts';
import { halfYearParam, planSchema, voortgangStatusSchema } from './plan.ts';
import { programmeProgressSchema } from './progress.ts';
import { z } from './zod.ts';

// The council report (voortgangsrapportage) of a programme for one half year, as one document: the
// live one, and the vastgestelde versions frozen as they were (issue 11 items 5 and 6, decision 0113).

export const reportPathSchema = z.object({ id: programmeIdParam, periode: halfYearParam });
export const reportVersionPathSchema = reportPathSchema.extend({
  versie: z.coerce
    .number({ error: 'Verwacht een versienummer' })
    .int('Verwacht een geheel versienummer')
    .positive('Verwacht een versienummer vanaf 1')
    .openapi({ example: 1, type: 'integer' }),
});
export const reportListPathSchema = z.object({ id: programmeIdParam });

export const reportVersionRefSchema = z
  .object({
    periode: z.string().describe('Het half jaar van de rapportage'),
    versie: z.number().int(),
    vastgesteldOp: z.string().describe('Moment van vaststellen (ISO 8601)'),
    href: z.string().describe('Pad van deze versie in de API'),
  })
  .openapi('RapportageVersieVerwijzing');
export type ReportVersionRef = z.infer<typeof reportVersionRefSchema>;

const areaRefSchema = z.object({ code: z.string(), naam: z.string() });
const indicatorRefSchema = z.object({
  id: z.string(),
  naam: z.string(),
  eenheid: z.string(),
  decimalen: z.number(),
});

export const reportChangesSchema = z
  .object({
    waarden: z
      .array(
        z.object({
          soort: z.enum(['resultaat', 'volgen']),
          indicator: indicatorRefSchema,
          gebied: areaRefSchema,
          periode: z.string().describe('Het jaar (of half jaar) van het cijfer'),
          van: z.number().nullable().describe('Null: het cijfer was er toen niet (of was geheim)'),
          naar: z.number().nullable().describe('Null: het cijfer is er nu niet (of is geheim)'),
        }),
      )
      .describe('Elk cijfer dat erbij kwam, verdween of werd gecorrigeerd'),
    statussen: z.array(
      z.object({
        indicator: indicatorRefSchema,
        gebied: areaRefSchema,
        horizon: z.number(),
        lezing: z
          .enum(['referentie', 'plan'])
          .describe('referentie: het oordeel; plan: bij "X% LV" de tweede lezing tegen het plangetal'),
        van: z.string().nullable(),
        naar: z.string().nullable(),
        vanLabel: z.string().nullable(),
        naarLabel: z.string().nullable(),
      }),
    ),
    inspanningen: z.array(
      z.object({
        code: z.string(),
        wat: z.string(),
        van: z
          .object({ periode: z.string(), status: voortgangStatusSchema, toelichting: z.string().nullable() })
          .nullable(),
        naar: z
          .object({ periode: z.string(), status: voortgangStatusSchema, toelichting: z.string().nullable() })
          .nullable(),
        besteedVan: z.number().nullable(),
        besteedNaar: z.number().nullable(),
      }),
    ),
  })
  .openapi('RapportageVeranderingen');
export type ReportChangesBody = z.infer<typeof reportChangesSchema>;

export const reportSchema = z
  .object({
    programma: z.string(),
    naam: z.string(),
    periode: z.string().describe('Het half jaar van de rapportage, bijvoorbeeld 2026-H1'),
    gegevensTot: z
      .object({ jaar: z.number().nullable(), periode: z.string().nullable() })
      .describe('Het nieuwste cijfer dat de rapportage gebruikt (resultaten, referentie, volgen)'),
    voortgangTot: z
      .string()
      .nullable()
      .describe('Het laatste moment waarop voortgang van een inspanning is vastgelegd (ISO 8601)'),
    vastgesteld: reportVersionRefSchema
      .nullable()
      .describe('Null: de levende rapportage, met de cijfers van nu; anders deze vastgestelde versie'),
    vorige: reportVersionRefSchema
      .nullable()
      .describe('De vorige vastgestelde rapportage, waartegen de veranderingen gelden'),
    veranderingen: reportChangesSchema.nullable().describe('Null als er geen vorige vastgestelde is'),
    voortgang: programmeProgressSchema,
    plan: planSchema,
  })
  .openapi('Rapportage');
export type ReportBody = z.infer<typeof reportSchema>;

export const reportListSchema = z
  .object({ programma: z.string(), vastgesteld: z.array(reportVersionRefSchema).describe('Nieuwste eerst') })
  .openapi('RapportageLijst');

export const reportPermissionSchema = z
  .object({ vaststellen: z.boolean().describe('Waar als de sessie de rol beheerder heeft') })
  .openapi('RapportageVaststelbaar');
