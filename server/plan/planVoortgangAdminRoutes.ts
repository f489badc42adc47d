import type { Router } from 'express';
import { planPathSchema } from '../../schemas/plan.ts';
import {
  adminPlansSchema,
  voortgangFormDataSchema,
  voortgangFormQuerySchema,
} from '../../schemas/planAdmin.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findProgramme } from '../programmes/programmesRepository.ts';
import { organisationOf } from './partnerScope.ts';
import { documentPlanAdmin } from './planAdminOpenApi.ts';
import { findOrganisation, findVoortgangForm, listAdminPlans } from './planVoortgangRepository.ts';

// The half-yearly voortgang form in beheer. A partner sees and records only the inspanningen of
// its own organisation (as trekker or partner, decision 0109); the other roles see all of them.

const allRoles = 'beheerder, redacteur en partner (een partner alleen de eigen inspanningen)';

documentPlanAdmin({
  method: 'get',
  path: '/beheer/plannen',
  operationId: 'listBeheerPlannen',
  summary: 'Programma’s met hun aantal inspanningen; voor een partner alleen die met eigen inspanningen',
  success: { status: 200, description: 'Programma’s', schema: adminPlansSchema },
  roles: allRoles,
});
documentPlanAdmin({
  method: 'get',
  path: '/beheer/programmas/{id}/voortgang',
  operationId: 'getVoortgangFormulier',
  summary:
    'Het voortgangsformulier van een half jaar: elke inspanning (voor een partner: de eigen) met de geldende en eerdere vastlegging',
  params: planPathSchema,
  query: voortgangFormQuerySchema,
  success: { status: 200, description: 'Formulier', schema: voortgangFormDataSchema },
  refusals: { 404: 'Programma bestaat niet' },
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
}
