import type { ZodType } from 'zod';
import type { z } from '../../schemas/zod.ts';
import { documentAdmin } from '../http/documentAdmin.ts';

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

/** The plan's beheer routes in their own words (success, refusals, roles), through documentAdmin. */
export function documentPlanAdmin(doc: PlanAdminDoc): void {
  const { success, refusals, ...rest } = doc;
  documentAdmin({
    ...rest,
    responses: {
      [success.status]: { description: success.description, schema: success.schema },
      ...Object.fromEntries(
        Object.entries(refusals ?? {}).map(([status, text]) => [status, { problem: text }]),
      ),
    },
  });
}
