import type { Router } from 'express';
import { planPathSchema, voortgangFormSchema } from '../../schemas/plan.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { parseBody, parsePathParams } from '../http/validate.ts';
import { findProgramme } from '../programmes/programmesRepository.ts';
import { refuseOtherOrganisations } from './partnerScope.ts';
import { findInspanningIds, recordVoortgang } from './planRepository.ts';

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
});

/** The half-yearly voortgang of a programme's inspanningen. */
export function mountPlanBeheer(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur', 'partner');
  router.post('/programmas/:id/voortgang', dataRoles, async (req, res) => {
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
