import type { ZodType } from 'zod';
import { z } from '../../schemas/zod.ts';
import { newUserSchema, userPatchSchema, userSchema } from '../auth/userAccounts.ts';
import { openApiRegistry } from '../http/openapi.ts';
import { auditQuerySchema } from './auditRoutes.ts';
import { templateQuerySchema, uploadQuerySchema } from './importsRoutes.ts';
import { newTargetSchema, programmePatchSchema, targetPatchSchema } from './targetSchemas.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: z.object({}) } },
});
const json = (description: string, schema: ZodType = z.object({}).passthrough()) => ({
  description,
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
  summary: string;
  body?: ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  ok: Record<number, ReturnType<typeof json> | { description: string }>;
}

const routes: Route[] = [
  {
    method: 'get',
    path: '/beheer/gebruikers',
    summary: 'Alle gebruikers (beheerder)',
    ok: { 200: json('Gebruikers') },
  },
  {
    method: 'post',
    path: '/beheer/gebruikers',
    summary: 'Gebruiker aanmaken (beheerder)',
    body: newUserSchema,
    ok: { 201: json('Aangemaakt', userSchema), 409: problem('Bestaat al') },
  },
  {
    method: 'patch',
    path: '/beheer/gebruikers/{id}',
    summary: 'Rol, naam, wachtwoord wijzigen of uitschakelen (beheerder)',
    params: idParams,
    body: userPatchSchema,
    ok: { 200: json('Gewijzigd', userSchema), 409: problem('Laatste beheerder') },
  },
  {
    method: 'post',
    path: '/beheer/imports',
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
    summary: 'Alle imports, nieuwste eerst',
    ok: { 200: json('Imports') },
  },
  {
    method: 'get',
    path: '/beheer/imports/sjabloon',
    summary:
      'Sjabloon voor gemeentecijfers (CSV, ; en decimale komma): de indicatoren en gebieden van een programma, in te vullen',
    query: templateQuerySchema,
    ok: { 200: { description: 'CSV-bestand' }, 404: problem('Geen programma') },
  },
  {
    method: 'get',
    path: '/beheer/imports/{id}',
    summary: 'Eén import met zijn rapport',
    params: idParams,
    ok: { 200: json('Import'), 404: problem('Niet gevonden') },
  },
  {
    method: 'post',
    path: '/beheer/imports/{id}/terugdraaien',
    summary: 'Een import terugdraaien',
    params: idParams,
    ok: { 200: json('Teruggedraaid'), 409: problem('Al teruggedraaid') },
  },
  {
    method: 'get',
    path: '/beheer/streefwaarden',
    summary: 'Streefwaarden (filter ?programma=)',
    ok: { 200: json('Streefwaarden') },
  },
  {
    method: 'post',
    path: '/beheer/streefwaarden',
    summary: 'Streefwaarde aanmaken (absoluut, referentieniveau of richting)',
    body: newTargetSchema,
    ok: { 201: json('Aangemaakt'), 409: problem('Bestaat al') },
  },
  {
    method: 'patch',
    path: '/beheer/streefwaarden/{id}',
    summary: 'Streefwaarde wijzigen',
    params: idParams,
    body: targetPatchSchema,
    ok: { 200: json('Gewijzigd') },
  },
  {
    method: 'delete',
    path: '/beheer/streefwaarden/{id}',
    summary: 'Streefwaarde verwijderen (blijft in het auditlog)',
    params: idParams,
    ok: { 204: { description: 'Verwijderd' } },
  },
  { method: 'get', path: '/beheer/programmas', summary: 'Programma’s', ok: { 200: json('Programma’s') } },
  {
    method: 'get',
    path: '/beheer/programmas/{id}',
    summary: 'Programma met gebieden, streefwaarden en indicatoren',
    params: idParams,
    ok: { 200: json('Programma') },
  },
  {
    method: 'patch',
    path: '/beheer/programmas/{id}',
    summary: 'Naam, gebieden en referentiegebied wijzigen',
    params: idParams,
    body: programmePatchSchema,
    ok: { 200: json('Gewijzigd') },
  },
  {
    method: 'get',
    path: '/beheer/audit',
    summary: 'Auditlog: wie, wanneer, wat ervoor en erna (filter, pagina’s)',
    query: auditQuerySchema,
    ok: { 200: json('Regels') },
  },
  {
    method: 'get',
    path: '/beheer/audit/export',
    summary: 'Auditlog als CSV (puntkomma, UTF-8 met BOM)',
    ok: { 200: { description: 'CSV' } },
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
