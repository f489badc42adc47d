import type { Request } from 'express';
import { z } from '../../schemas/zod.ts';
import { parsePathParams } from './validate.ts';

/** The numeric `{id}` of a beheer resource path (a target, an import, an account). */
export const idPathSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, 'Verwacht een positief geheel getal')
    .transform(Number)
    .openapi({ type: 'integer', example: 1 }),
});

export function idParam(req: Request): number {
  return parsePathParams(req, idPathSchema).id;
}
