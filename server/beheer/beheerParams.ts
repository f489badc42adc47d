import type { Request } from 'express';
import { z } from '../../schemas/zod.ts';
import { parsePathParams } from '../http/validate.ts';

const idParamsSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, 'Verwacht een positief geheel getal')
    .transform(Number),
});

/** The numeric `{id}` of a beheer resource path. */
export function idParam(req: Request): number {
  return parsePathParams(req, idParamsSchema).id;
}
