import type { NextFunction, Request, Response } from 'express';
import type { ZodError } from 'zod';
import type { InvalidParam, Problem } from '../../schemas/problem.ts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './databaseUnavailable.ts';

/** An error that becomes an application/problem+json response (RFC 9457). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail ?? title);
  }
}

export const notFound = (detail: string) => new HttpProblem(404, 'Niet gevonden', detail);
export const badRequest = (detail: string, invalidParams?: InvalidParam[]) =>
  new HttpProblem(400, 'Ongeldige aanvraag', detail, invalidParams);

/** Every issue of a failed zod parse as an invalid parameter, named by its path. */
export function invalidParamsFromZod(error: ZodError, prefix?: string): InvalidParam[] {
  return error.issues.map((issue) => ({
    name: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || (prefix ?? 'body'),
    reason: issue.message,
  }));
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

export function problemFromError(error: unknown, instance: string): Problem {
  if (error instanceof HttpProblem) {
    return {
      type: 'about:blank',
      title: error.title,
      status: error.status,
      detail: error.detail ?? error.title,
      instance,
      ...(error.invalidParams ? { invalidParams: error.invalidParams } : {}),
    };
  }
  // Errors thrown by body parsers carry a status (400 malformed JSON, 413 too large).
  const status = (error as { status?: number; statusCode?: number })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const title = status === 413 ? 'Bestand of aanvraag te groot' : 'Ongeldige aanvraag';
    return { type: 'about:blank', title, status, detail: title, instance };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      type: 'about:blank',
      title: 'Database niet bereikbaar',
      status: 503,
      detail: `De database is tijdelijk niet bereikbaar. Probeer het over ${DATABASE_RETRY_AFTER_SECONDS} seconden opnieuw.`,
      instance,
    };
  }
  return {
    type: 'about:blank',
    title: 'Interne fout',
    status: 500,
    detail: 'Er ging iets mis op de server. Probeer het later opnieuw.',
    instance,
  };
}

export function problemErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const problem = problemFromError(error, req.originalUrl);
  if (problem.status === 503) req.log?.warn({ err: error }, 'tijdelijk niet beschikbaar');
  else if (problem.status >= 500) req.log?.error({ err: error }, 'onverwachte fout');
  if (res.headersSent) {
    res.end();
    return;
  }
  if (problem.status === 503 && !res.get('Retry-After'))
    res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  sendProblem(res, problem);
}
