import type { z } from 'zod';
import { apiVersionHeader, openApiRegistry, problemResponse as problem } from './openapi.ts';

interface GetDoc {
  /** OpenAPI path under /api/v1 with `{param}` placeholders. */
  path: string;
  /** Unique name of the operation, for generated clients and the reference. */
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response: z.ZodType;
  /** Response media type; JSON unless said otherwise. */
  contentType?: string;
  responseDescription?: string;
  headers?: Record<string, string>;
  /** Further problem answers of this operation that tell the client to come back (429, 503): status → description. */
  retryLater?: Record<number, string>;
}

const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconden tot een nieuwe poging zin heeft',
    schema: { type: 'integer' as const },
  },
};

/**
 * Registers one GET path with the same zod schemas the route validates with, and the responses
 * every read endpoint shares (304 on a matching ETag, problem+json for 400/404/500).
 */
export function documentGet(doc: GetDoc): void {
  openApiRegistry.registerPath({
    method: 'get',
    path: doc.path,
    operationId: doc.operationId,
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    request: {
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.params ? { params: doc.params } : {}),
    },
    responses: {
      200: {
        description: doc.responseDescription ?? 'Gelukt',
        headers: {
          ...apiVersionHeader,
          ...(doc.contentType?.startsWith('text/csv')
            ? {}
            : { ETag: { description: 'Sterke ETag', schema: { type: 'string' } } }),
          ...Object.fromEntries(
            Object.entries(doc.headers ?? {}).map(([name, description]) => [
              name,
              { description, schema: { type: 'string' } },
            ]),
          ),
        },
        content: { [doc.contentType ?? 'application/json']: { schema: doc.response } },
      },
      304: {
        description: 'Niet gewijzigd (If-None-Match kwam overeen met de ETag)',
        headers: apiVersionHeader,
      },
      400: problem('Ongeldige parameters; invalidParams noemt ze allemaal'),
      ...(doc.params ? { 404: problem('Niet gevonden') } : {}),
      500: problem('Interne fout'),
      ...Object.fromEntries(
        Object.entries(doc.retryLater ?? {}).map(([status, description]) => [
          status,
          { ...problem(description), headers: retryAfterHeader },
        ]),
      ),
    },
  });
}
