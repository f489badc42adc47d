import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest, invalidParamsFromZod } from './problem.ts';

/**
 * Parses the query string with a zod schema; unknown keys are refused so that a typo in a key
 * (`indicatr=`) is an error, not silently ignored. Every invalid parameter is named.
 */
export function parseQuery<S extends z.ZodObject>(req: Request, schema: S): z.infer<S> {
  const query = req.query as Record<string, unknown>;
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys(query).filter((key) => !known.has(key));
  const result = schema.safeParse(query);
  const invalid = [
    ...unknown.map((name) => ({ name, reason: 'Onbekende parameter' })),
    ...(result.success ? [] : invalidParamsFromZod(result.error)),
  ];
  if (invalid.length > 0 || !result.success) {
    throw badRequest('Een of meer parameters zijn ongeldig.', invalid);
  }
  return result.data;
}

export function parsePathParams<S extends z.ZodObject>(req: Request, schema: S): z.infer<S> {
  const result = schema.safeParse(req.params);
  if (!result.success)
    throw badRequest('Een of meer padparameters zijn ongeldig.', invalidParamsFromZod(result.error));
  return result.data;
}

export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const result = schema.safeParse(req.body);
  if (!result.success) throw badRequest('De gegevens zijn ongeldig.', invalidParamsFromZod(result.error));
  return result.data;
}
