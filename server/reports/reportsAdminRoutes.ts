import type { Router } from 'express';
import { reportPathSchema, reportVersionRefSchema } from '../../schemas/reports.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { apiVersionHeader, openApiRegistry, problemResponse as problem } from '../http/openapi.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams } from '../http/validate.ts';
import { liveReport } from './reportDocument.ts';
import { storeVersion } from './reportsRepository.ts';

openApiRegistry.registerPath({
  method: 'post',
  path: '/beheer/programmas/{id}/rapportages/{periode}/vaststellen',
  operationId: 'vaststellenRapportage',
  tags: ['Beheer'],
  summary:
    'De rapportage van een half jaar vaststellen: de cijfers, doelen, statussen en voortgang van nu bevriezen',
  description:
    'Alleen de rol beheerder. Elke keer vaststellen geeft een nieuwe versie (1, 2, …) van dat half jaar; wie en wanneer staat in het auditlog.',
  request: { params: reportPathSchema, headers: z.object({ 'X-CSRF-Token': z.string() }) },
  responses: {
    201: {
      description: 'Vastgesteld',
      headers: {
        ...apiVersionHeader,
        Location: { description: 'Pad van de vastgestelde versie', schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: z.object({ vastgesteld: reportVersionRefSchema }) } },
    },
    400: problem('Ongeldig programma-id of half jaar'),
    401: problem('Niet ingelogd'),
    403: problem('Niet de rol beheerder, of X-CSRF-Token/Origin ontbreekt of klopt niet'),
    404: problem('Geen programma met dit id'),
    500: problem('Interne fout'),
  },
});

/** Vaststellen: the programme manager freezes the report of a half year as it is now. */
export function mountReportsAdmin(router: Router, { db }: AppContext): void {
  router.post(
    '/programmas/:id/rapportages/:periode/vaststellen',
    requireRole('beheerder'),
    async (req, res) => {
      const actor = requireSessionOf(res).user;
      const { id, periode } = parsePathParams(req, reportPathSchema);
      const report = await liveReport(db, id, periode);
      if (!report) throw notFound(`Er is geen programma met id ${id}.`);
      const ref = await storeVersion(db, id, periode, (vastgesteld) => ({ ...report, vastgesteld }), {
        username: actor.username,
        id: actor.id,
      });
      res.status(201).location(ref.href).json({ vastgesteld: ref });
    },
  );
}
