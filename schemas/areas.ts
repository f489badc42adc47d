import {
  areaCodeParam,
  bboxSchema,
  gemeenteCodeParam,
  pageLinksSchema,
  pageParams,
  pagingSchema,
  yearParam,
} from './common.ts';
import { areaLevelSchema } from './enums.ts';
import { z } from './zod.ts';

export const areaListQuerySchema = z.object({
  niveau: areaLevelSchema.optional().describe('Alleen gebieden van dit niveau'),
  gemeente: gemeenteCodeParam.optional().describe('Alleen gebieden in deze gemeente'),
  indeling: yearParam('indeling').optional().describe('Gebiedsindeling (jaar); standaard de nieuwste'),
  ouder: areaCodeParam.optional().describe('Alleen de directe onderdelen van dit gebied'),
  zoek: z
    .string({ error: 'Verwacht één zoekterm' })
    .trim()
    .min(1, 'Zoekterm is leeg')
    .max(100, 'Zoekterm langer dan 100 tekens')
    .optional()
    .describe('Zoekt in naam en code (hoofdletterongevoelig), beste treffers eerst'),
  ...pageParams,
});
export type AreaListQuery = z.infer<typeof areaListQuerySchema>;

export const areaDetailQuerySchema = z.object({
  indeling: yearParam('indeling')
    .optional()
    .describe('Standaard de nieuwste indeling waarin de code bestaat'),
});

export const areaCodePathSchema = z.object({ code: areaCodeParam });

export const areaSummarySchema = z
  .object({
    code: z.string().openapi({ example: 'BU19160200' }),
    naam: z.string().openapi({ example: 'Prinsenhof hoog' }),
    niveau: areaLevelSchema,
    indeling: z.number().int().openapi({ example: 2022 }),
    ouder: z.string().nullable().describe('Code van het gebied één niveau hoger'),
    gemeente: z.string().nullable(),
    bbox: bboxSchema.nullable(),
  })
  .openapi('Gebied');
export type AreaSummary = z.infer<typeof areaSummarySchema>;

export const areaListSchema = z
  .object({
    gebieden: z.array(areaSummarySchema),
    paginering: pagingSchema,
    _links: pageLinksSchema,
  })
  .openapi('GebiedenLijst');
export type AreaList = z.infer<typeof areaListSchema>;

export const areaDetailSchema = areaSummarySchema
  .extend({
    ouders: z
      .array(areaSummarySchema)
      .describe('Van direct boven naar het hoogste niveau (wijk, gemeente, land)'),
    kinderen: z
      .array(areaSummarySchema)
      .describe('De directe onderdelen (wijken van een gemeente, buurten van een wijk)'),
    leden: z
      .array(areaSummarySchema)
      .describe('Voor een programmagebied: de buurten of wijken waaruit het bestaat'),
    indelingen: z.array(z.number().int()).describe('Alle indelingen (jaren) waarin deze code voorkomt'),
    zelfdeGebiedIn: z
      .array(z.number().int())
      .describe(
        'De indelingen waarin deze code hetzelfde gebied noemt (zelfde code en naam); alleen hun cijfers horen in één reeks',
      ),
    bron: z.string().nullable(),
  })
  .openapi('GebiedDetail');
export type AreaDetail = z.infer<typeof areaDetailSchema>;

/** The year → indeling rule (one table on the server, geodata/kwb-columns.json); the client draws by it. */
export const indelingRuleSchema = z
  .object({
    regels: z
      .array(
        z.object({
          vanJaar: z.number().int().nullable().describe('Eerste jaar; leeg = alle eerdere jaren'),
          totEnMetJaar: z.number().int().nullable().describe('Laatste jaar; leeg = alle latere jaren'),
          indeling: z.number().int().describe('De grenzen (jaar van de wijk- en buurtkaart) voor deze jaren'),
        }),
      )
      .min(1),
    jarenMetCijfers: z
      .array(z.number().int())
      .describe('Alle jaren waarvoor waarnemingen zijn geladen, oplopend'),
    toelichting: z.string(),
  })
  .openapi('IndelingPerJaar');
export type IndelingRule = z.infer<typeof indelingRuleSchema>;
