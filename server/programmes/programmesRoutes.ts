import { noQuerySchema } from '../../schemas/common.ts';
import {
  type ProgrammeDetailBody,
  programmeDetailSchema,
  programmeIdPathSchema,
  programmeListSchema,
  programmeProgressQuerySchema,
} from '../../schemas/programmes.ts';
import { type ProgrammeProgressBody, programmeProgressSchema } from '../../schemas/progress.ts';
import { inDutch } from '../../schemas/progressKeys.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { getProgrammeProgress } from '../progress/progressService.ts';
import {
  findProgramme,
  findProgrammeAreas,
  findProgrammes,
  findTargets,
  toProgrammeSummary,
} from './programmesRepository.ts';

documentGet({
  path: '/programmas',
  operationId: 'listProgrammas',
  tag: 'Programma’s',
  summary: 'Alle programma’s',
  query: noQuerySchema,
  response: programmeListSchema,
});
documentGet({
  path: '/programmas/{id}',
  operationId: 'getProgramma',
  tag: 'Programma’s',
  summary: 'Eén programma met zijn gebieden en streefwaarden',
  params: programmeIdPathSchema,
  response: programmeDetailSchema,
});
documentGet({
  path: '/programmas/{id}/voortgang',
  operationId: 'getProgrammaVoortgang',
  tag: 'Programma’s',
  summary: 'Voortgang van elke streefwaarde: status, score en alle invoer van de berekening ("hoe berekend")',
  description:
    'Methode: de voortgangsmaat van Open SDG (Statistics Canada). Alleen gepubliceerde (niet-geheime) waarden tellen mee.',
  params: programmeIdPathSchema,
  query: programmeProgressQuerySchema,
  response: programmeProgressSchema,
});

export const mountProgrammes: MountFeature = (api, { db }) => {
  api.get('/programmas', async (req, res) => {
    parseQuery(req, noQuerySchema);
    const rows = await findProgrammes(db);
    res.json({ programmas: rows.map(toProgrammeSummary) });
  });

  api.get('/programmas/:id', async (req, res) => {
    const { id } = parsePathParams(req, programmeIdPathSchema);
    parseQuery(req, noQuerySchema);
    const programme = await findProgramme(db, id);
    if (!programme) throw notFound(`Er is geen programma met id ${id}.`);
    const [areas, targets] = await Promise.all([
      findProgrammeAreas(db, programme),
      findTargets(db, programme),
    ]);
    const body: ProgrammeDetailBody = {
      ...toProgrammeSummary(programme),
      gebieden: areas.map((area) => ({
        code: area.area_code,
        naam: area.name,
        niveau: area.level,
        rol: area.role,
        label: area.label,
      })),
      streefwaarden: targets,
    };
    res.json(body);
  });

  api.get('/programmas/:id/voortgang', async (req, res) => {
    const { id } = parsePathParams(req, programmeIdPathSchema);
    const { jaar } = parseQuery(req, programmeProgressQuerySchema);
    const progress = await getProgrammeProgress(db, id, jaar === undefined ? {} : { year: jaar });
    if (!progress) throw notFound(`Er is geen programma met id ${id}.`);
    res.json(inDutch(progress) satisfies ProgrammeProgressBody);
  });
};
