import { noQuerySchema } from '../../schemas/common.ts';
import {
  type IndicatorDetail,
  indicatorDetailSchema,
  indicatorIdPathSchema,
  indicatorListQuerySchema,
  indicatorListSchema,
} from '../../schemas/indicators.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findAvailability, findIndicator, findIndicators, toIndicatorBody } from './indicatorsRepository.ts';

documentGet({
  path: '/indicatoren',
  operationId: 'listIndicatoren',
  tag: 'Indicatoren',
  summary: 'De indicatorcatalogus: naam, eenheid, polariteit, definitie, bron en openbaarmakingsregel',
  query: indicatorListQuerySchema,
  response: indicatorListSchema,
});
documentGet({
  path: '/indicatoren/{id}',
  operationId: 'getIndicator',
  tag: 'Indicatoren',
  summary: 'Eén indicator, met de perioden, indelingen en niveaus waarvoor waarnemingen bestaan',
  params: indicatorIdPathSchema,
  response: indicatorDetailSchema,
});

export const mountIndicators: MountFeature = (api, { db }) => {
  api.get('/indicatoren', async (req, res) => {
    const query = parseQuery(req, indicatorListQuerySchema);
    const rows = await findIndicators(db, query);
    res.json({ indicatoren: rows.map(toIndicatorBody) });
  });

  api.get('/indicatoren/:id', async (req, res) => {
    const { id } = parsePathParams(req, indicatorIdPathSchema);
    parseQuery(req, noQuerySchema);
    const row = await findIndicator(db, id);
    if (!row) throw notFound(`Er is geen indicator met id ${id}.`);
    const body: IndicatorDetail = { ...toIndicatorBody(row), beschikbaar: await findAvailability(db, id) };
    res.json(body);
  });
};
