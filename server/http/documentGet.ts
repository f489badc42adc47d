import type { z } from 'zod';
import { problemSchema } from '../../schemas/problem.ts';
import { openApiRegistry } from './openapi.ts';

interface GetDoc {
  /** OpenAPI path under /api/v1 with `{param}` placeholders. */
  path: string;
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
}

// Named, so every error response refers to the one registered Problem component.
const problemRef = problemSchema.openapi('Problem');
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

/**
 * Registers one GET path with the same zod schemas the route validates with, and the responses
 * every read endpoint shares (304 on a matching ETag, problem+json for 400/404/500).
 */
export function documentGet(doc: GetDoc): void {
  openApiRegistry.registerPath({
    method: 'get',
    path: doc.path,
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
          'API-Version': { description: 'Versie van de API', schema: { type: 'string' } },
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
      304: { description: 'Niet gewijzigd (If-None-Match kwam overeen met de ETag)' },
      400: problem('Ongeldige parameters; invalidParams noemt ze allemaal'),
      ...(doc.params ? { 404: problem('Niet gevonden') } : {}),
      500: problem('Interne fout'),
    },
  });
}
