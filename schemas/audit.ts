import { pageLinksSchema, pageParams, pagingSchema } from './common.ts';
import { z } from './zod.ts';

// The audit viewer of beheer: every change with who, when, before and after.

const dateParam = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Verwacht een datum als 2026-11-24 (${what})`)
    .optional();

export const auditFilterParams = {
  actie: z
    .string()
    .max(100)
    .optional()
    .describe('Bijvoorbeeld streefwaarde.wijzigen; een voorvoegsel als streefwaarde. mag'),
  entiteit: z
    .string()
    .max(100)
    .optional()
    .describe('gebruiker, import, streefwaarde, programma of programmarij'),
  entiteitId: z.string().max(100).optional(),
  gebruiker: z.string().max(100).optional().describe('Gebruikersnaam van wie de wijziging deed'),
  van: dateParam('van'),
  tot: dateParam('tot en met'),
};
export const auditQuerySchema = z.object({ ...auditFilterParams, ...pageParams });
export const auditExportQuerySchema = z.object(auditFilterParams);
export type AuditFilter = z.infer<typeof auditExportQuerySchema>;

export const auditLineSchema = z
  .object({
    id: z.number().int(),
    tijdstip: z.string(),
    gebruiker: z.string(),
    actie: z.string(),
    entiteit: z.string(),
    entiteitId: z.string().nullable(),
    importId: z.number().int().nullable(),
    voor: z.record(z.string(), z.unknown()).nullable(),
    na: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditRegel');
export type AuditLine = z.infer<typeof auditLineSchema>;

export const auditPageSchema = z
  .object({ regels: z.array(auditLineSchema), paginering: pagingSchema, _links: pageLinksSchema })
  .openapi('AuditRegels');
export type AuditPageBody = z.infer<typeof auditPageSchema>;
