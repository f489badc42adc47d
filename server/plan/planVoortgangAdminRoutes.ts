import type { Router } from 'express';
import { planPathSchema, voortgangFormSchema } from '../../schemas/plan.ts';
import {
  adminPlansSchema,
  voortgangFormDataSchema,
  voortgangFormQuerySchema,
} from '../../schemas/planAdmin.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { parseBody, parsePathParams, parseQuery } from '../http/validate.ts';
import { findProgramme } from '../programmes/programmesRepository.ts';
import { organisationOf, refuseOtherOrganisations } from './partnerScope.ts';
import { findInspanningIds, recordVoortgang } from './planRepository.ts';
import { findOrganisation, findVoortgangForm, listAdminPlans } from './planVoortgangRepository.ts';

// The half-yearly voortgang in beheer: the form (read) and recording it (append-only history). A partner sees and records only the inspanningen of
// its own organisation (as trekker or partner, decision 0109); the other roles see all of them.

const allRoles = 'beheerder, redacteur en partner (een partner alleen de eigen inspanningen)';

documentAdmin({
  method: 'get',
  path: '/beheer/plannen',
  operationId: 'listBeheerPlannen',
  summary: 'Programma’s met hun aantal inspanningen; voor een partner alleen die met eigen inspanningen',
  responses: { 200: { description: 'Programma’s', schema: adminPlansSchema } },
  roles: allRoles,
});
documentAdmin({
  method: 'get',
  path: '/beheer/programmas/{id}/voortgang',
  operationId: 'getVoortgangFormulier',
  summary:
    'Het voortgangsformulier van een half jaar: elke inspanning (voor een partner: de eigen) met de geldende en eerdere vastlegging',
  params: planPathSchema,
  query: voortgangFormQuerySchema,
  responses: {
    200: { description: 'Formulier', schema: voortgangFormDataSchema },
    404: { problem: 'Programma bestaat niet' },
  },
  roles: allRoles,
});

documentAdmin({
  method: 'post',
  path: '/beheer/programmas/{id}/voortgang',
  operationId: 'createInspanningVoortgang',
  summary:
    'Voortgang van één half jaar vastleggen voor één of meer inspanningen (alles of niets; eerdere vastleggingen blijven als geschiedenis); een partner alleen voor de inspanningen van de eigen organisatie',
  params: planPathSchema,
  body: voortgangFormSchema,
  responses: {
    201: { description: 'Vastgelegd', schema: z.object({ vastgelegd: z.array(z.number().int()) }) },
    404: { problem: 'Programma bestaat niet' },
  },
  roles: allRoles,
});

export function mountPlanVoortgangAdmin(router: Router, { db }: AppContext): void {
  const everyRole = requireRole('beheerder', 'redacteur', 'partner');

  router.get('/plannen', everyRole, async (_req, res) => {
    res.json(await listAdminPlans(db, organisationOf(requireSessionOf(res).user)));
  });

  router.get('/programmas/:id/voortgang', everyRole, async (req, res) => {
    const { id } = parsePathParams(req, planPathSchema);
    const { periode } = parseQuery(req, voortgangFormQuerySchema);
    const programme = await findProgramme(db, id);
    if (!programme) throw notFound(`Er is geen programma ${id}.`);
    const organisationId = organisationOf(requireSessionOf(res).user);
    res.json({
      programma: { id, naam: programme.name },
      periode,
      organisatie: organisationId === null ? null : await findOrganisation(db, organisationId),
      inspanningen: await findVoortgangForm(db, id, periode, organisationId),
    });
  });

  router.post('/programmas/:id/voortgang', everyRole, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const { id } = parsePathParams(req, planPathSchema);
    const form = parseBody(req, voortgangFormSchema);
    if (!(await findProgramme(db, id))) throw notFound(`Er is geen programma ${id}.`);
    const known = await findInspanningIds(db, id);
    const unknown = form.regels.flatMap((line, index) =>
      known.has(line.inspanning)
        ? []
        : [
            {
              name: `regels.${index}.inspanning`,
              reason: `Inspanning ${line.inspanning} hoort niet bij programma ${id}.`,
            },
          ],
    );
    if (unknown.length > 0) throw badRequest('Niet elke regel hoort bij dit programma.', unknown);
    const seen = new Set<number>();
    const twice = form.regels.flatMap((line, index) => {
      if (!seen.has(line.inspanning)) {
        seen.add(line.inspanning);
        return [];
      }
      return [
        {
          name: `regels.${index}.inspanning`,
          reason: `Inspanning ${line.inspanning} staat twee keer in het formulier.`,
        },
      ];
    });
    if (twice.length > 0) throw badRequest('Elke inspanning mag één keer voorkomen.', twice);
    await refuseOtherOrganisations(db, requireSessionOf(res).user, id, form);
    const ids = await recordVoortgang(db, id, form, { username: actor.username, id: actor.id });
    res.status(201).json({ vastgelegd: ids });
  });
}
