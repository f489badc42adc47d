import express from 'express';
import type { MountFeature } from '../http/MountFeature.ts';
import { apiVersionHeader, openApiRegistry, problemResponse } from '../http/openapi.ts';
import { HttpProblem } from '../http/problem.ts';
import { parseBody } from '../http/validate.ts';
import { loginSchema, sessionSchema } from './authSchemas.ts';
import { readAuthSettings, sessionCookieName } from './authSettings.ts';
import { authenticate, readCookie, refuseForeignOrigin, requireCsrf, requireSessionOf } from './guards.ts';
import { beginLoginAttempt, markLoginSucceeded } from './loginThrottle.ts';
import { verifyPassword } from './passwords.ts';
import { type ActiveSession, createSession, deleteSession, hashSessionId } from './sessions.ts';

const sessionBody = (session: Pick<ActiveSession, 'user' | 'csrfToken'>) => ({
  gebruiker: {
    id: session.user.id,
    gebruikersnaam: session.user.username,
    naam: session.user.displayName,
    rol: session.user.role,
  },
  csrfToken: session.csrfToken,
});

/** Login (POST /sessies), who am I (GET /sessies/huidig) and logout (DELETE /sessies/huidig). */
export const mountAuth: MountFeature = (api, context) => {
  const { db } = context;
  const settings = readAuthSettings(context.config.secureCookies);
  const cookieName = sessionCookieName(settings);
  const cookieOptions = {
    httpOnly: true,
    secure: settings.secureCookies,
    sameSite: 'strict',
    path: '/',
  } as const;

  const router = express.Router();
  router.use(express.json({ limit: '10kb' }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(authenticate(db, settings));

  router.post('/', async (req, res) => {
    refuseForeignOrigin(req);
    const { gebruikersnaam, wachtwoord } = parseBody(req, loginSchema);
    const username = gebruikersnaam.toLowerCase();
    const ip = req.ip ?? 'onbekend';
    // Counted before the password is checked, so parallel attempts cannot slip past the limit.
    const attempt = await beginLoginAttempt(db, username, ip, settings);
    const wait = attempt.wait;
    if (wait > 0) {
      req.log?.warn({ username, ip }, 'inlogpoging geweigerd: te veel mislukte pogingen');
      res.set('Retry-After', String(wait));
      throw new HttpProblem(
        429,
        'Te veel inlogpogingen',
        `Te veel mislukte inlogpogingen voor deze gebruikersnaam of vanaf dit adres. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`,
      );
    }
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const passwordOk = await verifyPassword(user?.password_hash, wachtwoord);
    if (!user || !passwordOk || user.disabled) {
      req.log?.warn(
        { username, ip, reason: !user ? 'onbekend' : user.disabled ? 'uitgeschakeld' : 'wachtwoord' },
        'mislukte inlog',
      );
      // One message for every cause, so the answer does not tell which user names exist.
      throw new HttpProblem(401, 'Inloggen mislukt', 'De gebruikersnaam of het wachtwoord is onjuist.');
    }
    await markLoginSucceeded(db, attempt.id);
    // A session id brought along (e.g. planted by an attacker) is never reused: always a new one.
    const previous = readCookie(req, cookieName);
    if (previous) await deleteSession(db, hashSessionId(previous));
    await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
    const { sessionId, csrfToken } = await createSession(db, user.id, settings);
    req.log?.info({ username, ip }, 'ingelogd');
    res
      .cookie(cookieName, sessionId, cookieOptions)
      .status(201)
      .json(
        sessionBody({
          user: {
            id: user.id,
            username: user.username,
            displayName: user.display_name,
            role: user.role,
            organisationId: user.organisation_id,
          },
          csrfToken,
        }),
      );
  });

  router.get('/huidig', (_req, res) => {
    res.json(sessionBody(requireSessionOf(res)));
  });

  router.delete('/huidig', requireCsrf, async (_req, res) => {
    const session = requireSessionOf(res);
    await deleteSession(db, session.idHash);
    res.clearCookie(cookieName, cookieOptions).status(204).end();
  });

  api.use('/sessies', router);
  documentAuth();
};

let documented = false;

function documentAuth() {
  if (documented) return;
  documented = true;
  const problem = problemResponse('Fout (application/problem+json)');
  const headers = apiVersionHeader;
  openApiRegistry.registerPath({
    method: 'post',
    path: '/sessies',
    operationId: 'createSessie',
    tags: ['Beheer: inloggen'],
    summary: 'Inloggen; zet een HttpOnly-sessiecookie en geeft het CSRF-token',
    request: { body: { content: { 'application/json': { schema: loginSchema } } } },
    responses: {
      201: { description: 'Ingelogd', headers, content: { 'application/json': { schema: sessionSchema } } },
      400: problem,
      401: problem,
      429: problem,
    },
  });
  openApiRegistry.registerPath({
    method: 'get',
    path: '/sessies/huidig',
    operationId: 'getHuidigeSessie',
    tags: ['Beheer: inloggen'],
    summary: 'De ingelogde gebruiker en het CSRF-token van de sessie',
    responses: {
      200: { description: 'Ingelogd', headers, content: { 'application/json': { schema: sessionSchema } } },
      401: problem,
    },
  });
  openApiRegistry.registerPath({
    method: 'delete',
    path: '/sessies/huidig',
    operationId: 'deleteHuidigeSessie',
    tags: ['Beheer: inloggen'],
    summary: 'Uitloggen: beëindigt de sessie op de server (vereist X-CSRF-Token)',
    responses: { 204: { description: 'Uitgelogd', headers }, 401: problem, 403: problem },
  });
}
