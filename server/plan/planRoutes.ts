import { planPathSchema, planQuerySchema, planSchema } from '../../schemas/plan.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findProgramme } from '../programmes/programmesRepository.ts';
import { assemblePlan } from './assemblePlan.ts';
import { halfYearOf } from './halfYear.ts';
import { areaChain, findPlanRows } from './planRepository.ts';

documentGet({
  path: '/programmas/{id}/plan',
  tag: 'Programma’s',
  summary: 'Doelen, inspanningen en hun halfjaarlijkse voortgang; begroting en monitoring uit het plan',
  description:
    'Per inspanning: wat, hoe, wanneer, trekker en partners (organisaties), middelen, doelen, gebieden, output en de voortgang per half jaar (de nieuwste vastlegging per half jaar geldt). Filter op partner (organisatie-id) en op gebied: een buurt vindt ook de inspanningen van haar wijk, gemeente en programmagebied.',
  params: planPathSchema,
  query: planQuerySchema,
  response: planSchema,
});

export const mountPlan: MountFeature = (api, { db }) => {
  api.get('/programmas/:id/plan', async (req, res) => {
    const { id } = parsePathParams(req, planPathSchema);
    const query = parseQuery(req, planQuerySchema);
    const programme = await findProgramme(db, id);
    if (!programme) throw notFound(`Er is geen programma met id ${id}.`);
    const [rows, chain] = await Promise.all([
      findPlanRows(db, id),
      query.gebied ? areaChain(db, query.gebied, programme.vintage) : Promise.resolve(undefined),
    ]);
    res.json(
      assemblePlan(id, rows, {
        period: query.periode,
        partner: query.partner,
        areaChain: chain,
        areaFilter: query.gebied,
        now: halfYearOf(new Date()),
      }),
    );
  });
};
