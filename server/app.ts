import { readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { sql } from 'kysely';
import { pinoHttp } from 'pino-http';
import type { AppContext } from './AppContext.ts';
import type { Db } from './db/createDatabase.ts';
import { featureRouters } from './features.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from './http/databaseUnavailable.ts';
import { API_VERSION, buildOpenApiDocument } from './http/openapi.ts';
import { notFound, problemErrorHandler } from './http/problem.ts';
import { projectRoot } from './projectRoot.ts';

const clientDist = path.join(projectRoot, 'dist', 'client');

/** The whole HTTP application: the API under /api/v1 and the built client for every other path. */
export function createApp(context: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong'); // every JSON response gets an ETag; Express answers 304 when it matches
  // X-Forwarded-For only from proxies the operator names: otherwise every client could pick its own
  // address and get a fresh login-throttle bucket with each request.
  app.set('trust proxy', context.config.trustProxy);
  // gzip: a national geometry layer is ~2,9 MB of JSON and compresses about tenfold.
  app.use(compression());
  app.use(
    pinoHttp({ logger: context.logger, autoLogging: { ignore: (req) => !req.url?.startsWith('/api') } }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          connectSrc: ["'self'", 'https:'],
          workerSrc: ["'self'", 'blob:'],
          fontSrc: ["'self'", 'data:', 'https:'],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      // Sent below, only over https (or when configured): on plain http it means nothing.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      frameguard: { action: 'deny' },
    }),
  );

  app.use((req, res, next) => {
    if (context.config.hsts || req.secure) {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  });

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('API-Version', API_VERSION);
    next();
  });
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument(context.config.apiContact));
  });
  api.get('/status', async (_req, res) => {
    const database = context.config.databaseUrl ? 'postgresql' : 'pglite';
    const reachable = await databaseAnswers(context.db);
    res.set('Cache-Control', 'no-store');
    if (!reachable) res.status(503).set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    res.json({ status: reachable ? 'ok' : 'storing', database, databaseBereikbaar: reachable });
  });
  for (const mount of featureRouters) mount(api, context);
  api.use((req, _res, next) => next(notFound(`Er is geen API-resource op ${req.path}.`)));
  app.use('/api/v1', api);

  app.use(express.static(clientDist, { index: false, maxAge: '1y', immutable: true }));
  // The client routes in the browser (/gebied/BU19160200, /kaart, …): every other GET gets index.html.
  app.get(/^(?!\/api\/).*/, (req, res, next) => {
    // A file that is not there (an old /assets/x.js after a deploy) is a 404, not the page: the
    // browser would otherwise run index.html as a script.
    if (req.path.startsWith('/assets/') || /\.[A-Za-z0-9]{1,8}$/.test(req.path)) {
      next(notFound(`Het bestand ${req.path} bestaat niet.`));
      return;
    }
    const html = clientIndexHtml(context.config.basemapStyleUrl);
    if (html === undefined) {
      next(notFound('De client is niet gebouwd: voer `npm run build:client` uit.'));
      return;
    }
    res.set('Cache-Control', 'no-cache').type('html').send(html);
  });
  app.use(problemErrorHandler);
  return app;
}

/** Whether the database answers `select 1` within two seconds (honest /status, docs/decisions/0075). */
async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The built index.html, with the optional basemap style URL as a <meta> the map reads, so the
 * client needs no extra request for configuration. Undefined when the client is not built.
 */
function clientIndexHtml(basemapStyleUrl: string | undefined): string | undefined {
  let html: string;
  try {
    html = readFileSync(path.join(clientDist, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
  if (!basemapStyleUrl) return html;
  const escaped = basemapStyleUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return html.replace('<head>', `<head>\n    <meta name="buurtpeil:basemap" content="${escaped}" />`);
}
