import type { ZodType } from 'zod';
import { planPathSchema, voortgangFormSchema } from '../../schemas/plan.ts';
import { z } from '../../schemas/zod.ts';
import { newUserSchema, userPatchSchema, userSchema } from '../auth/userAccounts.ts';
import { apiVersionHeader, openApiRegistry, problemResponse as problem } from '../http/openapi.ts';
import { auditQuerySchema } from './auditRoutes.ts';
import { templateQuerySchema, uploadQuerySchema } from './importsRoutes.ts';
import { newTargetSchema, programmePatchSchema, targetPatchSchema } from './targetSchemas.ts';

const json = (description: string, schema: ZodType = z.object({}).passthrough()) => ({
  description,
  headers: apiVersionHeader,
  content: { 'application/json': { schema } },
});
const refusals = {
  401: problem('Niet ingelogd'),
  403: problem('Verkeerde rol, of X-CSRF-Token/Origin ontbreekt of klopt niet'),
};
const idParams = z.object({ id: z.string() });

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  body?: ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  ok: Record<
    number,
    | ReturnType<typeof json>
    | ReturnType<typeof problem>
    | { description: string; headers: typeof apiVersionHeader }
  >;
}

const routes: Route[] = [
  {
    method: 'post',
    path: '/beheer/programmas/{id}/voortgang',
    operationId: 'createInspanningVoortgang',
    summary:
      'Voortgang van één half jaar vastleggen voor één of meer inspanningen (alles of niets; eerdere vastleggingen blijven als geschiedenis); een partner alleen voor de inspanningen van de eigen organisatie',
    params: planPathSchema,
    body: voortgangFormSchema,
    ok: {
      201: json('Vastgelegd', z.object({ vastgelegd: z.array(z.number().int()) })),
      404: problem('Programma bestaat niet'),
    },
  },
  {
    method: 'get',
    path: '/beheer/gebruikers',
    operationId: 'listGebruikers',
    summary: 'Alle gebruikers (beheerder)',
    ok: { 200: json('Gebruikers') },
  },
  {
    method: 'post',
    path: '/beheer/gebruikers',
    operationId: 'createGebruiker',
    summary: 'Gebruiker aanmaken (beheerder)',
    body: newUserSchema,
    ok: { 201: json('Aangemaakt', userSchema), 409: problem('Bestaat al') },
  },
  {
    method: 'patch',
    path: '/beheer/gebruikers/{id}',
    operationId: 'updateGebruiker',
    summary: 'Rol, naam, wachtwoord wijzigen of uitschakelen (beheerder)',
    params: idParams,
    body: userPatchSchema,
    ok: { 200: json('Gewijzigd', userSchema), 409: problem('Laatste beheerder') },
  },
  {
    method: 'post',
    path: '/beheer/imports',
    operationId: 'uploadImport',
    summary:
      'Bestand uploaden (ruwe body): modus=voorbeeld toont elke foute regel, modus=vastleggen schrijft alles of niets',
    query: uploadQuerySchema,
    ok: {
      200: json('Voorbeeld'),
      201: json('Vastgelegd'),
      413: problem('Groter dan 50 MB'),
      415: problem('Verkeerd bestandstype'),
      422: problem('Fouten; niets opgeslagen'),
    },
  },
  {
    method: 'get',
    path: '/beheer/imports',
    operationId: 'listImports',
    summary: 'Alle imports, nieuwste eerst',
    ok: { 200: json('Imports') },
  },
  {
    method: 'get',
    path: '/beheer/imports/sjabloon',
    operationId: 'getImportSjabloon',
    summary:
      'Sjabloon voor gemeentecijfers (CSV, ; en decimale komma): de indicatoren en gebieden van een programma, in te vullen',
    query: templateQuerySchema,
    ok: { 200: { description: 'CSV-bestand', headers: apiVersionHeader }, 404: problem('Geen programma') },
  },
  {
    method: 'get',
    path: '/beheer/imports/{id}',
    operationId: 'getImport',
    summary: 'Eén import met zijn rapport',
    params: idParams,
    ok: { 200: json('Import'), 404: problem('Niet gevonden') },
  },
  {
    method: 'post',
    path: '/beheer/imports/{id}/terugdraaien',
    operationId: 'rollbackImport',
    summary: 'Een import terugdraaien',
    params: idParams,
    ok: { 200: json('Teruggedraaid'), 409: problem('Al teruggedraaid') },
  },
  {
    method: 'get',
    path: '/beheer/streefwaarden',
    operationId: 'listStreefwaarden',
    summary: 'Streefwaarden (filter ?programma=)',
    ok: { 200: json('Streefwaarden') },
  },
  {
    method: 'post',
    path: '/beheer/streefwaarden',
    operationId: 'createStreefwaarde',
    summary: 'Streefwaarde aanmaken (absoluut, referentieniveau of richting)',
    body: newTargetSchema,
    ok: { 201: json('Aangemaakt'), 409: problem('Bestaat al') },
  },
  {
    method: 'patch',
    path: '/beheer/streefwaarden/{id}',
    operationId: 'updateStreefwaarde',
    summary: 'Streefwaarde wijzigen',
    params: idParams,
    body: targetPatchSchema,
    ok: { 200: json('Gewijzigd') },
  },
  {
    method: 'delete',
    path: '/beheer/streefwaarden/{id}',
    operationId: 'deleteStreefwaarde',
    summary: 'Streefwaarde verwijderen (blijft in het auditlog)',
    params: idParams,
    ok: { 204: { description: 'Verwijderd', headers: apiVersionHeader } },
  },
  {
    method: 'get',
    path: '/beheer/programmas',
    operationId: 'listBeheerProgrammas',
    summary: 'Programma’s',
    ok: { 200: json('Programma’s') },
  },
  {
    method: 'get',
    path: '/beheer/programmas/{id}',
    operationId: 'getBeheerProgramma',
    summary: 'Programma met gebieden, streefwaarden en indicatoren',
    params: idParams,
    ok: { 200: json('Programma') },
  },
  {
    method: 'patch',
    path: '/beheer/programmas/{id}',
    operationId: 'updateProgramma',
    summary: 'Naam, gebieden en referentiegebied wijzigen',
    params: idParams,
    body: programmePatchSchema,
    ok: { 200: json('Gewijzigd') },
  },
  {
    method: 'get',
    path: '/beheer/audit',
    operationId: 'listAudit',
    summary: 'Auditlog: wie, wanneer, wat ervoor en erna (filter, pagina’s)',
    query: auditQuerySchema,
    ok: { 200: json('Regels') },
  },
  {
    method: 'get',
    path: '/beheer/audit/export',
    operationId: 'exportAuditCsv',
    summary: 'Auditlog als CSV (puntkomma, UTF-8 met BOM)',
    ok: { 200: { description: 'CSV', headers: apiVersionHeader } },
  },
];

let documented = false;

/** Registers the beheer paths once, however many apps a process creates (tests make several). */
export function documentBeheer(): void {
  if (documented) return;
  documented = true;
  for (const route of routes) {
    openApiRegistry.registerPath({
      method: route.method,
      path: route.path,
      operationId: route.operationId,
      tags: ['Beheer'],
      summary: route.summary,
      request: {
        ...(route.query ? { query: route.query } : {}),
        ...(route.params ? { params: route.params } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
        ...(route.method === 'get' ? {} : { headers: z.object({ 'X-CSRF-Token': z.string() }) }),
      },
      responses: {
        ...route.ok,
        400: problem('Ongeldige aanvraag; invalidParams noemt elk veld'),
        ...refusals,
      },
    });
  }
}
