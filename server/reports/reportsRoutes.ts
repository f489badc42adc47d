import { noQuerySchema } from '../../schemas/common.ts';
import {
  type ReportBody,
  reportListPathSchema,
  reportListSchema,
  reportPathSchema,
  reportPermissionSchema,
  reportSchema,
  reportVersionPathSchema,
} from '../../schemas/reports.ts';
import { readAuthSettings } from '../auth/authSettings.ts';
import { authenticate, sessionOf } from '../auth/guards.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findProgramme } from '../programmes/programmesRepository.ts';
import { liveReport } from './reportDocument.ts';
import { findVersionDocument, findVersions } from './reportsRepository.ts';

documentGet({
  path: '/programmas/{id}/rapportages',
  operationId: 'listProgrammaRapportages',
  tag: 'Programma’s',
  summary: 'De vastgestelde voortgangsrapportages van een programma, nieuwste eerst',
  params: reportListPathSchema,
  query: noQuerySchema,
  response: reportListSchema,
});
documentGet({
  path: '/programmas/{id}/rapportages/{periode}',
  operationId: 'getProgrammaRapportage',
  tag: 'Programma’s',
  summary: 'De voortgangsrapportage van een half jaar met de cijfers van nu',
  description:
    'Voortgang (resultaatrijen, volgen) en plan (inspanningen met hun voortgang) zoals de API ze nu geeft, het nieuwste gebruikte cijfer, en wat er veranderde sinds de vorige vastgestelde rapportage.',
  params: reportPathSchema,
  query: noQuerySchema,
  response: reportSchema,
});
documentGet({
  path: '/programmas/{id}/rapportages/{periode}/vastgesteld/{versie}',
  operationId: 'getVastgesteldeRapportage',
  tag: 'Programma’s',
  summary: 'Een vastgestelde voortgangsrapportage, precies zoals zij werd vastgesteld',
  description:
    'Latere correcties van cijfers of voortgang veranderen deze versie niet. Wie vaststelde staat in het auditlog, niet hier.',
  params: reportVersionPathSchema,
  query: noQuerySchema,
  response: reportSchema,
});

documentGet({
  path: '/programmas/{id}/rapportages/{periode}/vaststelbaar',
  operationId: 'getRapportageVaststelbaar',
  tag: 'Programma’s',
  summary: 'Mag wie dit vraagt deze rapportage vaststellen (ingelogd met de rol beheerder)?',
  description:
    'Altijd 200, ook zonder sessie, zodat de rapportagepagina de knop Vaststellen kan tonen of weglaten zonder een fout te krijgen.',
  params: reportPathSchema,
  query: noQuerySchema,
  response: reportPermissionSchema,
});

export const mountReports: MountFeature = (api, { db, config }) => {
  const readSession = authenticate(db, readAuthSettings(config.secureCookies));
  api.get('/programmas/:id/rapportages/:periode/vaststelbaar', readSession, async (req, res) => {
    const { id } = parsePathParams(req, reportPathSchema);
    parseQuery(req, noQuerySchema);
    if (!(await findProgramme(db, id))) throw notFound(`Er is geen programma met id ${id}.`);
    res.set('Cache-Control', 'no-store');
    res.vary('Cookie');
    res.json({ vaststellen: sessionOf(res)?.user.role === 'beheerder' });
  });

  api.get('/programmas/:id/rapportages', async (req, res) => {
    const { id } = parsePathParams(req, reportListPathSchema);
    parseQuery(req, noQuerySchema);
    if (!(await findProgramme(db, id))) throw notFound(`Er is geen programma met id ${id}.`);
    res.json({ programma: id, vastgesteld: await findVersions(db, id) });
  });

  api.get('/programmas/:id/rapportages/:periode', async (req, res) => {
    const { id, periode } = parsePathParams(req, reportPathSchema);
    parseQuery(req, noQuerySchema);
    const report = await liveReport(db, id, periode);
    if (!report) throw notFound(`Er is geen programma met id ${id}.`);
    res.json(report satisfies ReportBody);
  });

  api.get('/programmas/:id/rapportages/:periode/vastgesteld/:versie', async (req, res) => {
    const { id, periode, versie } = parsePathParams(req, reportVersionPathSchema);
    parseQuery(req, noQuerySchema);
    const report = await findVersionDocument(db, id, periode, versie);
    if (!report) throw notFound(`Rapportage ${periode} van ${id} heeft geen vastgestelde versie ${versie}.`);
    // A vastgestelde version never changes: it may be kept as long as anyone likes.
    res.set('Cache-Control', 'public, max-age=31536000, immutable');
    res.json(report);
  });
};
