import express from 'express';
import { readAuthSettings } from '../auth/authSettings.ts';
import { authenticate, requireCsrf, requireSessionOf } from '../auth/guards.ts';
import { mountUsersAdmin } from '../auth/usersAdminRoutes.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { mountImportsAdmin } from '../imports/importsAdminRoutes.ts';
import { mountPlanEdit } from '../plan/planEditAdminRoutes.ts';
import { mountPlanVoortgangAdmin } from '../plan/planVoortgangAdminRoutes.ts';
import { mountProgrammesAdmin } from '../programmes/programmesAdminRoutes.ts';
import { mountTargetsAdmin } from '../programmes/targetsAdminRoutes.ts';
import { mountReportsAdmin } from '../reports/reportsAdminRoutes.ts';
import { mountAudit } from './auditRoutes.ts';

/**
 * The guard chain of everything under /api/v1/beheer: first the session (401 for the public), then the CSRF token and
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

  // The features' admin routers; each documents its own routes to OpenAPI.
  mountUsersAdmin(router, context);
  mountImportsAdmin(router, context);
  mountTargetsAdmin(router, context);
  mountProgrammesAdmin(router, context);
  mountPlanVoortgangAdmin(router, context);
  mountPlanEdit(router, context);
  mountReportsAdmin(router, context);
  mountAudit(router, context);

  api.use('/beheer', router);
};
