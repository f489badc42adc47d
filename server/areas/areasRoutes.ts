import {
  type AreaDetail,
  type AreaList,
  areaCodePathSchema,
  areaDetailQuerySchema,
  areaDetailSchema,
  areaListQuerySchema,
  areaListSchema,
  type IndelingRule,
  indelingRuleSchema,
} from '../../schemas/areas.ts';
import { type AreaProgressProfileBody, areaProgressProfileSchema } from '../../schemas/progress.ts';
import { inDutch } from '../../schemas/progressKeys.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { pageEnvelope, pageOf } from '../http/pagination.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { getAreaProgress } from '../progress/progressService.ts';
import {
  findAncestors,
  findArea,
  findAreas,
  findChildren,
  findMembers,
  findVersionsOf,
  newestVintage,
  toAreaSummary,
  yearsWithObservations,
} from './areasRepository.ts';
import { sameAreaVintages } from './sameArea.ts';
import { vintageRanges } from './vintageForPeriod.ts';

documentGet({
  path: '/indelingen',
  operationId: 'listIndelingen',
  tag: 'Gebieden',
  summary: 'Welke gebiedsindeling (grenzen) bij welk jaar hoort',
  description:
    'De ene regel van de server: cijfers van een jaar horen bij de grenzen van deze indeling (GM1916: t/m 2018 de 12 wijken/29 buurten van 2017, vanaf 2019 de 13 wijken/43 buurten van 2022). De kaart tekent ermee.',
  response: indelingRuleSchema,
});
documentGet({
  path: '/gebieden',
  operationId: 'listGebieden',
  tag: 'Gebieden',
  summary: 'Gebieden zoeken en opsommen',
  description:
    'Buurten, wijken, gemeenten en programmagebieden van één indeling (standaard de nieuwste die bij de filters past). ' +
    'Met `zoek` voor het zoekvak "vind een gebied"; beste treffers eerst.',
  query: areaListQuerySchema,
  response: areaListSchema,
});
documentGet({
  path: '/gebieden/{code}/voortgang',
  operationId: 'getGebiedVoortgang',
  tag: 'Gebieden',
  summary: 'Alle streefwaarden die dit gebied raken, met voortgang (voor de buurtprofielpagina)',
  params: areaCodePathSchema,
  query: areaDetailQuerySchema,
  response: areaProgressProfileSchema,
});
documentGet({
  path: '/gebieden/{code}',
  operationId: 'getGebied',
  tag: 'Gebieden',
  summary: 'Eén gebied met zijn bovenliggende gebieden, onderdelen en (voor een programmagebied) leden',
  params: areaCodePathSchema,
  query: areaDetailQuerySchema,
  response: areaDetailSchema,
});

export const mountAreas: MountFeature = (api, { db }) => {
  api.get('/indelingen', async (_req, res) => {
    const body: IndelingRule = {
      regels: vintageRanges(),
      jarenMetCijfers: await yearsWithObservations(db),
      toelichting:
        'Cijfers van een jaar horen bij de grenzen van de indeling in de regel die dat jaar bevat; de tabel staat in geodata/kwb-columns.json.',
    };
    res.json(body);
  });
  api.get('/gebieden', async (req, res) => {
    const query = parseQuery(req, areaListQuerySchema);
    const page = pageOf(query);
    const filters = { ...query, indeling: query.indeling ?? (await newestVintage(db, query)) };
    const { rows, total } = await findAreas(db, filters, page);
    const body: AreaList = { gebieden: rows.map(toAreaSummary), ...pageEnvelope(req, page, total) };
    res.json(body);
  });

  api.get('/gebieden/:code', async (req, res) => {
    const { code } = parsePathParams(req, areaCodePathSchema);
    const { indeling } = parseQuery(req, areaDetailQuerySchema);
    const area = await findArea(db, code, indeling);
    if (!area) {
      throw notFound(
        indeling === undefined
          ? `Er is geen gebied met code ${code}.`
          : `Er is geen gebied met code ${code} in indeling ${indeling}.`,
      );
    }
    const [ancestors, children, members, versions] = await Promise.all([
      findAncestors(db, area.parent_code, area.vintage),
      findChildren(db, area.code, area.vintage),
      area.level === 'programmagebied' ? findMembers(db, area.code, area.vintage) : Promise.resolve([]),
      findVersionsOf(db, area.code),
    ]);
    const body: AreaDetail = {
      ...toAreaSummary(area),
      ouders: ancestors.map(toAreaSummary),
      kinderen: children.map(toAreaSummary),
      leden: members.map(toAreaSummary),
      indelingen: versions.map((version) => version.vintage),
      zelfdeGebiedIn: sameAreaVintages(area, versions),
      bron: area.source,
    };
    res.json(body);
  });

  api.get('/gebieden/:code/voortgang', async (req, res) => {
    const { code } = parsePathParams(req, areaCodePathSchema);
    const { indeling } = parseQuery(req, areaDetailQuerySchema);
    const area = await findArea(db, code, indeling);
    if (!area)
      throw notFound(`Er is geen gebied met code ${code}${indeling ? ` in indeling ${indeling}` : ''}.`);
    const profile = await getAreaProgress(db, area.code, area.vintage);
    if (!profile) throw notFound(`Er is geen gebied met code ${code}.`);
    res.json(inDutch(profile) satisfies AreaProgressProfileBody);
  });
};
