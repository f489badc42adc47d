import type { Router } from 'express';
import { programmeIdParam } from '../../schemas/common.ts';
import {
  adminOrganisationSchema,
  doelInputSchema,
  inspanningInputSchema,
  organisationInputSchema,
  organisationRenameSchema,
  savedDoelSchema,
  savedInspanningSchema,
  savedOrganisationSchema,
} from '../../schemas/planAdmin.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { parseBody, parsePathParams } from '../http/validate.ts';
import { findProgramme } from '../programmes/programmesRepository.ts';
import {
  createOrganisation,
  listOrganisations,
  PlanEditRefusal,
  renameOrganisation,
  saveDoel,
} from './planEditRepository.ts';
import { saveInspanning } from './planInspanningRepository.ts';

// Beheer of a programme's plan: organisations (reusable across inspanningen), doelen (doel →
// subdoel) and inspanningen. For a beheerder or redacteur; a partner only records voortgang.

const editors = 'beheerder en redacteur';
const programmePath = z.object({ id: programmeIdParam });
const idPath = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, 'Verwacht een positief geheel getal')
    .transform(Number),
});

documentAdmin({
  method: 'get',
  path: '/beheer/organisaties',
  operationId: 'listOrganisaties',
  summary:
    'Alle organisaties (trekkers en partners), met in hoeveel inspanningen en door hoeveel partner-gebruikers',
  responses: {
    200: {
      description: 'Organisaties',
      schema: z.object({ organisaties: z.array(adminOrganisationSchema) }),
    },
  },
  roles: editors,
});
documentAdmin({
  method: 'post',
  path: '/beheer/organisaties',
  operationId: 'createOrganisatie',
  summary: 'Organisatie aanmaken (uniek per gemeente, hoofdletters tellen niet)',
  body: organisationInputSchema,
  responses: {
    201: { description: 'Aangemaakt', schema: savedOrganisationSchema },
    409: { problem: 'Deze gemeente heeft al een organisatie met die naam' },
  },
  roles: editors,
});
documentAdmin({
  method: 'put',
  path: '/beheer/organisaties/{id}',
  operationId: 'renameOrganisatie',
  summary: 'Organisatie hernoemen (overal waar zij trekker of partner is)',
  params: idPath,
  body: organisationRenameSchema,
  responses: {
    200: { description: 'Hernoemd', schema: savedOrganisationSchema },
    404: { problem: 'Organisatie bestaat niet' },
    409: { problem: 'De naam bestaat al' },
  },
  roles: editors,
});
documentAdmin({
  method: 'post',
  path: '/beheer/programmas/{id}/doelen',
  operationId: 'createDoel',
  summary: 'Doel of subdoel aanmaken (bovenliggend = het doel waaronder het valt)',
  params: programmePath,
  body: doelInputSchema,
  responses: {
    201: { description: 'Aangemaakt', schema: savedDoelSchema },
    404: { problem: 'Programma bestaat niet' },
    409: { problem: 'Het programma heeft al een doel met die code' },
  },
  roles: editors,
});
documentAdmin({
  method: 'put',
  path: '/beheer/doelen/{id}',
  operationId: 'replaceDoel',
  summary: 'Doel wijzigen: code, titel, omschrijving, bovenliggend doel (geen kringen)',
  params: idPath,
  body: doelInputSchema,
  responses: {
    200: { description: 'Gewijzigd', schema: savedDoelSchema },
    404: { problem: 'Doel bestaat niet' },
    409: { problem: 'Het programma heeft al een doel met die code' },
  },
  roles: editors,
});
documentAdmin({
  method: 'post',
  path: '/beheer/programmas/{id}/inspanningen',
  operationId: 'createInspanning',
  summary:
    'Inspanning aanmaken: wat, hoe, periode (jaar, half jaar of open), trekker, partners, middelen per jaar of als tekst, doelen, gebieden, output',
  params: programmePath,
  body: inspanningInputSchema,
  responses: {
    201: { description: 'Aangemaakt', schema: savedInspanningSchema },
    404: { problem: 'Programma bestaat niet' },
    409: { problem: 'Het programma heeft al een inspanning met die code' },
  },
  roles: editors,
});
documentAdmin({
  method: 'put',
  path: '/beheer/inspanningen/{id}',
  operationId: 'replaceInspanning',
  summary: 'Inspanning wijzigen: alle velden; een gegeven lijst vervangt de hele lijst',
  params: idPath,
  body: inspanningInputSchema,
  responses: {
    200: { description: 'Gewijzigd', schema: savedInspanningSchema },
    404: { problem: 'Inspanning bestaat niet' },
    409: { problem: 'Het programma heeft al een inspanning met die code' },
  },
  roles: editors,
});

/** The refusals of the plan's rules as problem+json naming the field. */
function asProblem(error: unknown): unknown {
  if (!(error instanceof PlanEditRefusal)) return error;
  const status = { ongeldig: 400, niet_gevonden: 404, bestaat_al: 409 }[error.kind];
  const title = { ongeldig: 'Ongeldige invoer', niet_gevonden: 'Niet gevonden', bestaat_al: 'Bestaat al' }[
    error.kind
  ];
  return new HttpProblem(status, title, error.message, [{ name: error.field, reason: error.message }]);
}
const refused = (error: unknown): never => {
  throw asProblem(error);
};

async function requireProgramme(context: AppContext, id: string) {
  if (!(await findProgramme(context.db, id))) throw notFound(`Er is geen programma ${id}.`);
}

export function mountPlanEdit(router: Router, context: AppContext): void {
  const { db } = context;
  const onlyEditors = requireRole('beheerder', 'redacteur');
  const actorOf = (res: Parameters<typeof requireSessionOf>[0]) => {
    const { user } = requireSessionOf(res);
    return { username: user.username, id: user.id };
  };

  router.get('/organisaties', onlyEditors, async (_req, res) => {
    res.json({ organisaties: await listOrganisations(db) });
  });
  router.post('/organisaties', onlyEditors, async (req, res) => {
    const input = parseBody(req, organisationInputSchema);
    const created = await createOrganisation(db, input, actorOf(res)).catch(refused);
    res.status(201).location(`${req.baseUrl}/organisaties/${created.id}`).json(created);
  });
  router.put('/organisaties/:id', onlyEditors, async (req, res) => {
    const { id } = parsePathParams(req, idPath);
    const { naam } = parseBody(req, organisationRenameSchema);
    res.json(await renameOrganisation(db, id, naam, actorOf(res)).catch(refused));
  });

  router.post('/programmas/:id/doelen', onlyEditors, async (req, res) => {
    const { id } = parsePathParams(req, programmePath);
    const input = parseBody(req, doelInputSchema);
    await requireProgramme(context, id);
    const saved = await saveDoel(db, { programmeId: id, id: null }, input, actorOf(res)).catch(refused);
    res.status(201).location(`${req.baseUrl}/doelen/${saved.id}`).json(saved);
  });
  router.put('/doelen/:id', onlyEditors, async (req, res) => {
    const { id } = parsePathParams(req, idPath);
    const input = parseBody(req, doelInputSchema);
    res.json(await saveDoel(db, { id }, input, actorOf(res)).catch(refused));
  });

  router.post('/programmas/:id/inspanningen', onlyEditors, async (req, res) => {
    const { id } = parsePathParams(req, programmePath);
    const input = parseBody(req, inspanningInputSchema);
    await requireProgramme(context, id);
    const saved = await saveInspanning(db, { programmeId: id, id: null }, input, actorOf(res)).catch(refused);
    res.status(201).location(`${req.baseUrl}/inspanningen/${saved.id}`).json(saved);
  });
  router.put('/inspanningen/:id', onlyEditors, async (req, res) => {
    const { id } = parsePathParams(req, idPath);
    const input = parseBody(req, inspanningInputSchema);
    res.json(await saveInspanning(db, { id }, input, actorOf(res)).catch(refused));
  });
}
