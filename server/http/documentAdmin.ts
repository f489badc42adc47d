import type { ZodType } from 'zod';
import { z } from '../../schemas/zod.ts';
import { apiVersionHeader, openApiRegistry, problemResponse as problem } from './openapi.ts';

type Response = { description: string; schema?: ZodType; contentType?: string } | { problem: string };

interface AdminDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api/v1, starting with /beheer. */
  path: string;
  operationId: string;
  summary: string;
  body?: ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** The answers of this route by status; 400, 401 and 403 are added for every beheer route. */
  responses: Record<number, Response>;
  /** Who may call it, said in the 403 answer (e.g. "beheerder en redacteur"). */
  roles?: string;
}

/**
 * Registers one beheer route next to the route itself, with the schemas it validates and answers
 * with. Every beheer route sits behind the session (401) and, for changes, the CSRF token (403).
 */
export function documentAdmin(doc: AdminDoc): void {
  const responses = Object.fromEntries(
    Object.entries(doc.responses).map(([status, response]) => [
      status,
      'problem' in response
        ? problem(response.problem)
        : {
            description: response.description,
            headers: apiVersionHeader,
            ...(response.schema
              ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } }
              : {}),
          },
    ]),
  );
  openApiRegistry.registerPath({
    method: doc.method,
    path: doc.path,
    operationId: doc.operationId,
    tags: ['Beheer'],
    summary: doc.summary,
    request: {
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.params ? { params: doc.params } : {}),
      ...(doc.body ? { body: { content: { 'application/json': { schema: doc.body } } } } : {}),
      ...(doc.method === 'get' ? {} : { headers: z.object({ 'X-CSRF-Token': z.string() }) }),
    },
    responses: {
      ...responses,
      400: problem('Ongeldige aanvraag; invalidParams noemt elk veld'),
      401: problem('Niet ingelogd'),
      403: problem(
        doc.roles
          ? `Alleen voor ${doc.roles}${doc.method === 'get' ? '' : '; of X-CSRF-Token/Origin ontbreekt of klopt niet'}`
          : 'Verkeerde rol, of X-CSRF-Token/Origin ontbreekt of klopt niet',
      ),
    },
  });
}
