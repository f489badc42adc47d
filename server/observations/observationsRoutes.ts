import { noQuerySchema } from '../../schemas/common.ts';
import {
  observationHistorySchema,
  observationIdPathSchema,
  observationListQuerySchema,
  observationListSchema,
  observationSchema,
} from '../../schemas/observations.ts';
import { disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { pageEnvelope, pageOf } from '../http/pagination.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findIndicatorsById } from '../indicators/indicatorsRepository.ts';
import { findObservation, findObservations, findRevisions } from './observationsRepository.ts';
import { publishFigures, publishObservation, toIso } from './publishObservation.ts';

documentGet({
  path: '/waarnemingen',
  operationId: 'listWaarnemingen',
  tag: 'Waarnemingen',
  summary: 'Waarnemingen per indicator × gebied × periode, met vlaggen en bron',
  description:
    'Waarden onder de openbaarmakingsregel van hun indicator komen nooit mee: waarde, teller en noemer zijn dan leeg ' +
    'en `geheim` zegt waarom. Filters zijn te combineren; `indicator`, `gebied` en `periode` nemen komma-gescheiden lijsten.',
  query: observationListQuerySchema,
  response: observationListSchema,
});
documentGet({
  path: '/waarnemingen/{id}',
  operationId: 'getWaarneming',
  tag: 'Waarnemingen',
  summary: 'Eén waarneming',
  params: observationIdPathSchema,
  response: observationSchema,
});
documentGet({
  path: '/waarnemingen/{id}/historie',
  operationId: 'getWaarnemingHistorie',
  tag: 'Waarnemingen',
  summary: 'Een waarneming met alle eerdere waarden die door correcties zijn vervangen',
  params: observationIdPathSchema,
  response: observationHistorySchema,
});

export const mountObservations: MountFeature = (api, { db }) => {
  const rulesFor = async (ids: string[]) => {
    const indicators = await findIndicatorsById(db, [...new Set(ids)]);
    return (id: string) => disclosureRuleOf(indicators.get(id));
  };

  api.get('/waarnemingen', async (req, res) => {
    const query = parseQuery(req, observationListQuerySchema);
    const page = pageOf(query);
    const { rows, total } = await findObservations(db, query, page);
    const rule = await rulesFor(rows.map((row) => row.indicator_id));
    res.json({
      waarnemingen: rows.map((row) => publishObservation(rule(row.indicator_id), row)),
      ...pageEnvelope(req, page, total),
    });
  });

  api.get('/waarnemingen/:id', async (req, res) => {
    const { id } = parsePathParams(req, observationIdPathSchema);
    parseQuery(req, noQuerySchema);
    const row = await findObservation(db, id);
    if (!row) throw notFound(`Er is geen waarneming met id ${id}.`);
    const rule = await rulesFor([row.indicator_id]);
    res.json(publishObservation(rule(row.indicator_id), row));
  });

  api.get('/waarnemingen/:id/historie', async (req, res) => {
    const { id } = parsePathParams(req, observationIdPathSchema);
    parseQuery(req, noQuerySchema);
    const row = await findObservation(db, id);
    if (!row) throw notFound(`Er is geen waarneming met id ${id}.`);
    const rule = (await rulesFor([row.indicator_id]))(row.indicator_id);
    const revisions = await findRevisions(db, id);
    res.json({
      waarneming: publishObservation(rule, row),
      // Earlier values pass the same disclosure rule: a correction must not reveal a small number.
      historie: revisions.map((revision) => ({
        // A withheld value's earlier values are withheld with it.
        ...publishFigures(rule, { ...revision, withheld: row.withheld }),
        importId: revision.import_id,
        geldigVanaf: toIso(revision.valid_from),
        vervangenOp: toIso(revision.replaced_at),
        // Which import replaced it, never who: no public response names a person (decision 0090).
        vervangenDoorImport: revision.replaced_by_import_id,
      })),
    });
  });
};
