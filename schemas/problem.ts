import { z } from './zod.ts';

/** RFC 9457 problem details, as every error of the API is returned (application/problem+json). */
export const invalidParamSchema = z.object({
  name: z.string().describe('De parameter (query, pad of veld) die niet klopt'),
  reason: z.string().describe('Wat er mis is, in het Nederlands'),
});

/** status, title and detail are always present (API Design Rules /core/error-handling/problem-details). */
export const problemSchema = z.object({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe('Wat er mis is en wat de gebruiker kan doen, in het Nederlands'),
  instance: z.string().optional(),
  invalidParams: z.array(invalidParamSchema).optional(),
});

export type Problem = z.infer<typeof problemSchema>;
export type InvalidParam = z.infer<typeof invalidParamSchema>;
