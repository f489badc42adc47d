import { pageLinksSchema, pageParams, pagingSchema, programmeIdParam } from './common.ts';
import { z } from './zod.ts';

// Beheer uploads: the query of an upload, the importer's report and the list of imports.

export const uploadKinds = ['gemeentecijfers', 'kwb', 'grenzen'] as const;
export type UploadKindName = (typeof uploadKinds)[number];

export const uploadQuerySchema = z.object({
  soort: z.enum(uploadKinds, { error: 'Kies soort gemeentecijfers, kwb of grenzen' }),
  modus: z.enum(['voorbeeld', 'vastleggen'], { error: 'Kies modus voorbeeld of vastleggen' }),
  bestandsnaam: z
    .string({ error: 'Geef de bestandsnaam mee' })
    .min(1, 'Geef de bestandsnaam mee')
    .max(255, 'Bestandsnaam te lang'),
  indeling: z
    .string()
    .regex(/^\d{4}$/, 'Verwacht een jaartal van vier cijfers')
    .transform(Number)
    .optional()
    .describe('Indeling (jaar) van grenzen, als de bestandsnaam het niet zegt'),
  jaar: z
    .string()
    .regex(/^\d{4}$/, 'Verwacht een jaartal van vier cijfers')
    .transform(Number)
    .optional()
    .describe('Jaar van een KWB-tabel, als de bestandsnaam het niet zegt'),
});
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

export const importListQuerySchema = z.object({ ...pageParams });

export const templateQuerySchema = z.object({
  programma: programmeIdParam.describe(
    'Het programma waarvan de indicatoren en gebieden in het sjabloon komen',
  ),
});

export const rowErrorSchema = z
  .object({ regel: z.number().int(), kolom: z.string().optional(), melding: z.string() })
  .openapi('RegelFout');
export type RowErrorBody = z.infer<typeof rowErrorSchema>;

const changedFiguresSchema = z.object({
  waarde: z.number().nullable(),
  teller: z.number().nullable(),
  noemer: z.number().nullable(),
  vlaggen: z.array(z.string()),
});
export type ChangedFigures = z.infer<typeof changedFiguresSchema>;

export const changedRowSchema = z.object({
  regel: z.number().int(),
  indicator: z.string(),
  gebied: z.string(),
  indeling: z.number().int(),
  periode: z.string(),
  oud: changedFiguresSchema,
  nieuw: changedFiguresSchema,
});
export type ChangedRow = z.infer<typeof changedRowSchema>;

/** The importer's report: every row error (the first 1 000), warnings, counts and, in a preview, old → new. */
export const importReportSchema = z
  .object({
    geldig: z.boolean(),
    voorbeeld: z.boolean(),
    soort: z.string(),
    bestandsnaam: z.string(),
    fouten: z.array(rowErrorSchema),
    foutenTotaal: z.number().int().describe('Alle fouten van het bestand; fouten toont de eerste 1 000'),
    waarschuwingen: z.array(rowErrorSchema),
    waarschuwingenTotaal: z.number().int(),
    regelsTotaal: z.number().int(),
    nieuw: z.number().int(),
    gecorrigeerd: z.number().int(),
    ongewijzigd: z.number().int(),
    wijzigingen: z
      .array(changedRowSchema)
      .describe('Voorbeeld: de opgeslagen regels die het bestand verandert'),
    importId: z.number().int().nullable(),
  })
  .openapi('ImportRapport');
export type ImportReportBody = z.infer<typeof importReportSchema>;

export const importRecordSchema = z
  .object({
    id: z.number().int(),
    soort: z.string(),
    bestandsnaam: z.string(),
    bestandsgrootte: z.number(),
    door: z.string(),
    status: z.string(),
    gestart: z.string(),
    klaar: z.string().nullable(),
    regelsTotaal: z.number().int(),
    nieuw: z.number().int(),
    gecorrigeerd: z.number().int(),
    ongewijzigd: z.number().int(),
  })
  .openapi('Import');
export type ImportRecordBody = z.infer<typeof importRecordSchema>;

export const importWithReportSchema = importRecordSchema
  .extend({ rapport: z.unknown().describe('Het rapport zoals de import het schreef') })
  .openapi('ImportMetRapport');

export const importListSchema = z
  .object({ imports: z.array(importRecordSchema), paginering: pagingSchema, _links: pageLinksSchema })
  .openapi('Imports');
export type ImportListBody = z.infer<typeof importListSchema>;
