import { noQuerySchema } from '../../schemas/common.ts';
import {
  type AreaInspanningenBody,
  areaInspanningenPathSchema,
  areaInspanningenSchema,
  planPathSchema,
  planQuerySchema,
  planSchema,
} from '../../schemas/plan.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findProgramme, findProgrammes } from '../programmes/programmesRepository.ts';
import { assemblePlan } from './assemblePlan.ts';
import { halfYearOf } from './halfYear.ts';
import { areaChain, findPlanRows } from './planRepository.ts';

documentGet({
  path: '/programmas/{id}/plan',
  operationId: 'getProgrammaPlan',
  tag: 'Programma’s',
  summary: 'Doelen, inspanningen en hun halfjaarlijkse voortgang; begroting en monitoring uit het plan',
  description:
    'Per inspanning: wat, hoe, wanneer, trekker en partners (organisaties), middelen, doelen, gebieden, output en de voortgang per half jaar (de nieuwste vastlegging per half jaar geldt). Filter op partner (organisatie-id) en op gebied: een buurt vindt ook de inspanningen van haar wijk, gemeente en programmagebied.',
  params: planPathSchema,
  query: planQuerySchema,
  response: planSchema,
});

documentGet({
  path: '/gebieden/{code}/inspanningen',
  operationId: 'listGebiedInspanningen',
  tag: 'Gebieden',
  summary: 'Wat gebeurt er in dit gebied: de inspanningen van elk programma van de gemeente die hier gelden',
  description:
    'Een inspanning geldt in een gebied als zij in dat gebied ligt, in een gebied dat het bevat (wijk, gemeente) of in een programmagebied waar het gebied toe hoort.',
  params: areaInspanningenPathSchema,
  query: noQuerySchema,
  response: areaInspanningenSchema,
});

export const mountPlan: MountFeature = (api, { db }) => {
  api.get('/gebieden/:code/inspanningen', async (req, res) => {
    const { code } = parsePathParams(req, areaInspanningenPathSchema);
    parseQuery(req, noQuerySchema);
    const gemeente = code.startsWith('GM')
      ? code
      : code.startsWith('WK') || code.startsWith('BU')
        ? `GM${code.slice(2, 6)}`
        : null;
    const programmes = (await findProgrammes(db)).filter(
      (programme) => gemeente === null || programme.gemeente_code === gemeente,
    );
    const body: AreaInspanningenBody = { gebied: code, programmas: [] };
    for (const programme of programmes) {
      const chain = await areaChain(db, code, programme.vintage);
      const plan = assemblePlan(programme.id, await findPlanRows(db, programme.id), {
        areaChain: chain,
        areaFilter: code,
        now: halfYearOf(new Date()),
      });
      if (plan.inspanningen.length > 0)
        body.programmas.push({
          id: programme.id,
          naam: programme.name,
          periode: plan.periode,
          inspanningen: plan.inspanningen,
        });
    }
    res.json(body);
  });

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
