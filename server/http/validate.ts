import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest, invalidParamsFromZod } from './problem.ts';

const NUL_REASON = 'Bevat een NUL-teken (%00); dat kan geen geldige waarde zijn.';

/**
 * The names of the inputs that contain a NUL character. PostgreSQL refuses NUL in text (a 500
 * before), so it is refused here, before any query runs or any header is sent.
 */
function nulParams(input: unknown, prefix = ''): { name: string; reason: string }[] {
  if (typeof input === 'string')
    return input.includes('\u0000') ? [{ name: prefix || 'invoer', reason: NUL_REASON }] : [];
  if (Array.isArray(input)) return input.flatMap((item) => nulParams(item, prefix));
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([key, value]) => [
      ...(key.includes('\u0000') ? [{ name: 'parameternaam', reason: NUL_REASON }] : []),
      ...nulParams(value, prefix ? `${prefix}.${key}` : key),
    ]);
  }
  return [];
}

/**
 * Parses the query string with a zod schema; unknown keys are refused so that a typo in a key
 * (`indicatr=`) is an error, not silently ignored. Every invalid parameter is named.
 */
export function parseQuery<S extends z.ZodObject>(req: Request, schema: S): z.infer<S> {
  const query = req.query as Record<string, unknown>;
  const nul = nulParams(query);
  if (nul.length > 0) throw badRequest('Een of meer parameters zijn ongeldig.', nul);
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
  const nul = nulParams(req.params);
  if (nul.length > 0) throw badRequest('Een of meer padparameters zijn ongeldig.', nul);
  const result = schema.safeParse(req.params);
  if (!result.success)
    throw badRequest('Een of meer padparameters zijn ongeldig.', invalidParamsFromZod(result.error));
  return result.data;
}

export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const nul = nulParams(req.body);
  if (nul.length > 0) throw badRequest('De gegevens zijn ongeldig.', nul);
  const result = schema.safeParse(req.body);
  if (!result.success) throw badRequest('De gegevens zijn ongeldig.', invalidParamsFromZod(result.error));
  return result.data;
}
