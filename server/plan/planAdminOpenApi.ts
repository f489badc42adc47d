import type { ZodType } from 'zod';
import { z } from '../../schemas/zod.ts';
import { apiVersionHeader, openApiRegistry, problemResponse } from '../http/openapi.ts';

// OpenAPI for the plan's beheer routes, registered beside them with the schemas they validate with.

interface PlanAdminDoc {
  method: 'get' | 'post' | 'put';
  path: string;
  operationId: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: ZodType;
  /** The success status and what it carries. */
  success: { status: 200 | 201; description: string; schema: ZodType };
  /** Refusals beyond 400/401/403 this operation can give (404, 409). */
  refusals?: Partial<Record<404 | 409, string>>;
  /** Who may call it, said in the 403 description. */
  roles: string;
}

export function documentPlanAdmin(doc: PlanAdminDoc): void {
  const changes = doc.method !== 'get';
  const extraRefusals = Object.fromEntries(
    Object.entries(doc.refusals ?? {}).map(([status, text]) => [status, problemResponse(text)]),
  );
  openApiRegistry.registerPath({
    method: doc.method,
    path: doc.path,
    operationId: doc.operationId,
    tags: ['Beheer'],
    summary: doc.summary,
    request: {
      ...(doc.params ? { params: doc.params } : {}),
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.body ? { body: { content: { 'application/json': { schema: doc.body } } } } : {}),
      ...(changes ? { headers: z.object({ 'X-CSRF-Token': z.string() }) } : {}),
    },
    responses: {
      [doc.success.status]: {
        description: doc.success.description,
        headers: apiVersionHeader,
        content: { 'application/json': { schema: doc.success.schema } },
      },
      ...extraRefusals,
      400: problemResponse('Ongeldige invoer; invalidParams noemt elk veld met de reden'),
      401: problemResponse('Niet ingelogd'),
      403: problemResponse(
        `Alleen voor ${doc.roles}${changes ? '; of X-CSRF-Token/Origin ontbreekt of klopt niet' : ''}`,
      ),
    },
  });
}
