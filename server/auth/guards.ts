import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/createDatabase.ts';
import type { Role } from '../db/Database.ts';
import { HttpProblem } from '../http/problem.ts';
import { type AuthSettings, sessionCookieName } from './authSettings.ts';
import { type ActiveSession, findActiveSession } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const notLoggedIn = () =>
  new HttpProblem(
    401,
    'Niet ingelogd',
    'Log in om het beheer te gebruiken; uw sessie is verlopen of bestaat niet.',
  );

/** The value of one cookie from the Cookie header (no cookie-parser dependency for one cookie). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The logged-in session of this request, set by `authenticate`. */
export function sessionOf(res: Response): ActiveSession | undefined {
  return res.locals.session as ActiveSession | undefined;
}

export function requireSessionOf(res: Response): ActiveSession {
  const session = sessionOf(res);
  if (!session) throw notLoggedIn();
  return session;
}

/** Looks up the session cookie, if any, and remembers the session on the response. */
export function authenticate(db: Db, settings: AuthSettings): RequestHandler {
  const cookieName = sessionCookieName(settings);
  return async (req: Request, res: Response, next: NextFunction) => {
    const sessionId = readCookie(req, cookieName);
    if (sessionId) {
      const session = await findActiveSession(db, sessionId, settings);
      if (session) res.locals.session = session;
    }
    next();
  };
}

/** 401 for the public, 403 for a logged-in user whose role is not among `roles`. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const session = sessionOf(res);
    if (!session) throw notLoggedIn();
    if (!roles.includes(session.user.role)) {
      throw new HttpProblem(
        403,
        'Geen toegang',
        `Dit kan alleen met de rol ${roles.join(' of ')}; u bent ingelogd als ${session.user.role}.`,
      );
    }
    next();
  };
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * A browser on another site can make a logged-in user's browser send requests, but can neither
 * read the session's CSRF token nor forge the Origin header. So every state-changing request must
 * carry the token in X-CSRF-Token (synchronizer token, kept with the session in the database), and
 * when the browser names an Origin it must be this site's own.
 */
export function refuseForeignOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin === undefined) return; // not a browser request, or a same-origin GET-like navigation
  const own = `${req.protocol}://${req.get('host')}`;
  if (origin !== own) {
    throw new HttpProblem(
      403,
      'Verzoek van een andere website geweigerd',
      `Wijzigingen worden alleen aangenomen vanaf ${own}, niet vanaf ${origin}.`,
    );
  }
}

export const requireCsrf: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  refuseForeignOrigin(req);
  const session = requireSessionOf(res);
  const token = req.get('x-csrf-token');
  if (!token || !sameToken(token, session.csrfToken)) {
    throw new HttpProblem(
      403,
      'CSRF-controle mislukt',
      'Deze wijziging mist een geldig X-CSRF-Token. Laad de pagina opnieuw en probeer het nog eens.',
    );
  }
  next();
};
