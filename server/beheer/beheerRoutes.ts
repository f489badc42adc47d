import express from 'express';
import { readAuthSettings } from '../auth/authSettings.ts';
import { authenticate, requireCsrf, requireSessionOf } from '../auth/guards.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { mountPlanBeheer } from '../plan/planBeheerRoutes.ts';
import { mountReportsAdmin } from '../reports/reportsAdminRoutes.ts';
import { mountAudit } from './auditRoutes.ts';
import { documentBeheer } from './beheerOpenApi.ts';
import { mountImports } from './importsRoutes.ts';
import { mountProgrammesBeheer } from './programmesRoutes.ts';
import { mountTargets } from './targetsRoutes.ts';
import { mountUsers } from './usersRoutes.ts';

/**
 * Everything under /api/v1/beheer: first the session (401 for the public), then the CSRF token and
 * Origin for every change (403), then per route the role (403). Nothing here is cached.
 */
export const mountBeheer: MountFeature = (api, context) => {
  const settings = readAuthSettings(context.config.secureCookies);
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(authenticate(context.db, settings));
  router.use((_req, res, next) => {
    requireSessionOf(res);
    next();
  });
  router.use(requireCsrf);
  // JSON bodies only for the JSON routes; uploads read their raw body themselves, after these checks.
  const jsonBody = express.json({ limit: '1mb' });
  router.use((req, res, next) =>
    req.method === 'POST' && req.path === '/imports' ? next() : jsonBody(req, res, next),
  );

  mountUsers(router, context);
  mountImports(router, context);
  mountTargets(router, context);
  mountProgrammesBeheer(router, context);
  mountPlanBeheer(router, context);
  mountReportsAdmin(router, context);
  mountAudit(router, context);

  api.use('/beheer', router);
  documentBeheer();
};
