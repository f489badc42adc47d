import { stringify } from 'csv-stringify/sync';
import type { NextFunction, Request, Response, Router } from 'express';
import {
  type ImportRecordBody,
  type ImportReportBody,
  importListQuerySchema,
  importListSchema,
  importRecordSchema,
  importReportSchema,
  importWithReportSchema,
  templateQuerySchema,
  type UploadQuery,
  uploadQuerySchema,
} from '../../schemas/imports.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import type { ImportRecord } from '../db/Database.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { idParam, idPathSchema } from '../http/idParam.ts';
import { pageEnvelope, pageOf } from '../http/pagination.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { parseQuery } from '../http/validate.ts';
import { GEMEENTE_COLUMNS } from './gemeente/parseGemeenteCsv.ts';
import { type ImportReport, rollbackImport, type UploadKind } from './importFile.ts';
import { ImportBusyError } from './importLock.ts';
import { findImport, listImports } from './importsRepository.ts';
import { importUploadedFile } from './importUploadedFile.ts';
import { type ReceivedUpload, receiveUpload, UploadTooLargeError } from './receiveUpload.ts';
import { allowedExtensions, uploadTypeProblem } from './uploadChecks.ts';
import { findTemplateLines } from './uploadTemplateRepository.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The importer's report in the API's Dutch words. */
export function reportView(report: ImportReport): ImportReportBody {
  const rowError = (e: { line: number; column?: string | undefined; message: string }) => ({
    regel: e.line,
    ...(e.column ? { kolom: e.column } : {}),
    melding: e.message,
  });
  return {
    geldig: report.ok,
    voorbeeld: report.dryRun,
    soort: report.kind,
    bestandsnaam: report.fileName,
    fouten: report.errors.map(rowError),
    /** All errors of the file; `fouten` holds the first MAX_REPORTED_ERRORS (D10). */
    foutenTotaal: report.errorsTotal,
    waarschuwingen: report.warnings.map(rowError),
    waarschuwingenTotaal: report.warningsTotal,
    regelsTotaal: report.rowsTotal,
    nieuw: report.rowsNew,
    gecorrigeerd: report.rowsCorrected,
    ongewijzigd: report.rowsUnchanged,
    // The preview's changed rows, old → new, so a correction is seen before it is written.
    wijzigingen: (report.changes ?? []).map((c) => ({
      regel: c.line,
      indicator: c.indicatorId,
      gebied: c.areaCode,
      indeling: c.vintage,
      periode: c.period,
      oud: { waarde: c.old.value, teller: c.old.numerator, noemer: c.old.denominator, vlaggen: c.old.flags },
      nieuw: {
        waarde: c.new.value,
        teller: c.new.numerator,
        noemer: c.new.denominator,
        vlaggen: c.new.flags,
      },
    })),
    importId: report.importId,
  };
}

export function importView(record: ImportRecord): ImportRecordBody {
  return {
    id: record.id,
    soort: record.kind,
    bestandsnaam: record.file_name,
    bestandsgrootte: Number(record.file_size),
    door: record.actor,
    status: record.status,
    gestart: new Date(record.started_at).toISOString(),
    klaar: record.finished_at ? new Date(record.finished_at).toISOString() : null,
    regelsTotaal: record.rows_total,
    nieuw: record.rows_new,
    gecorrigeerd: record.rows_corrected,
    ongewijzigd: record.rows_unchanged,
  };
}

const tooLarge = () =>
  new HttpProblem(
    413,
    'Bestand te groot',
    `Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Splits het bestand of laad het met de opdrachtregel (npm run import).`,
  );

/**
 * The file is the raw request body (see docs/decisions/0050): read only after the session, role
 * and CSRF token are checked, and never beyond the size limit. It goes to a temporary file as it
 * arrives, not into memory (D11, docs/decisions/0106); the file is removed with the response.
 */
async function readUpload(req: Request, res: Response, next: NextFunction) {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) return next(tooLarge());
  try {
    const upload = await receiveUpload(req, MAX_UPLOAD_BYTES);
    res.once('close', () => void upload.dispose());
    res.locals.upload = upload;
    next();
  } catch (error) {
    next(error instanceof UploadTooLargeError ? tooLarge() : error);
  }
}

/** Another import held the import lock too long (D8, D9): 409 with the Dutch reason, try again. */
function busyAsConflict(error: unknown): never {
  if (error instanceof ImportBusyError) throw new HttpProblem(409, 'Andere import bezig', error.message);
  throw error;
}

const csv = { description: 'CSV-bestand', schema: z.string(), contentType: 'text/csv' };

documentAdmin({
  method: 'post',
  path: '/beheer/imports',
  operationId: 'uploadImport',
  summary:
    'Bestand uploaden (ruwe body): modus=voorbeeld toont elke foute regel, modus=vastleggen schrijft alles of niets',
  query: uploadQuerySchema,
  responses: {
    200: { description: 'Voorbeeld', schema: importReportSchema },
    201: { description: 'Vastgelegd', schema: importReportSchema },
    409: { problem: 'Andere import bezig' },
    413: { problem: 'Groter dan 50 MB' },
    415: { problem: 'Verkeerd bestandstype' },
    422: { problem: 'Fouten; niets opgeslagen (het rapport staat in rapport)' },
  },
});
documentAdmin({
  method: 'get',
  path: '/beheer/imports',
  operationId: 'listImports',
  summary: 'Alle imports, nieuwste eerst',
  query: importListQuerySchema,
  responses: { 200: { description: 'Imports', schema: importListSchema } },
});
documentAdmin({
  method: 'get',
  path: '/beheer/imports/sjabloon',
  operationId: 'getImportSjabloon',
  summary:
    'Sjabloon voor gemeentecijfers (CSV, ; en decimale komma): de indicatoren en gebieden van een programma, in te vullen',
  query: templateQuerySchema,
  responses: { 200: csv, 404: { problem: 'Geen programma' } },
});
documentAdmin({
  method: 'get',
  path: '/beheer/imports/{id}',
  operationId: 'getImport',
  summary: 'Eén import met zijn rapport',
  params: idPathSchema,
  responses: {
    200: { description: 'Import', schema: importWithReportSchema },
    404: { problem: 'Niet gevonden' },
  },
});
documentAdmin({
  method: 'post',
  path: '/beheer/imports/{id}/terugdraaien',
  operationId: 'rollbackImport',
  summary: 'Een import terugdraaien',
  params: idPathSchema,
  responses: {
    200: { description: 'Teruggedraaid', schema: importRecordSchema },
    404: { problem: 'Niet gevonden' },
    409: { problem: 'Al teruggedraaid, of niet terug te draaien' },
  },
});

/** Uploads (preview and commit), the list of imports, one import, and rolling one back. */
export function mountImportsAdmin(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur');

  // The query is checked before the body is read: a bad request never makes the server read 50 MB.
  const checkUploadQuery = (req: Request, res: Response, next: NextFunction) => {
    res.locals.uploadQuery = parseQuery(req, uploadQuerySchema);
    next();
  };

  router.post('/imports', dataRoles, checkUploadQuery, readUpload, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const query = res.locals.uploadQuery as UploadQuery;
    const upload = res.locals.upload as ReceivedUpload;
    const kind: UploadKind = query.soort;
    const typeProblem = uploadTypeProblem(kind, query.bestandsnaam, upload.head);
    if (typeProblem) throw new HttpProblem(415, 'Verkeerd bestandstype', typeProblem);

    const dryRun = query.modus === 'voorbeeld';
    const report = await importUploadedFile(
      db,
      {
        kind,
        fileName: query.bestandsnaam,
        upload,
        actor: actor.username,
        userId: actor.id,
        ...(query.indeling !== undefined ? { vintage: query.indeling } : {}),
        ...(query.jaar !== undefined ? { year: query.jaar } : {}),
      },
      { dryRun },
    )
      .catch(busyAsConflict)
      // Removed before the answer, so a client that has it finds no file left (and the 'close'
      // handler of readUpload covers the answers that end earlier).
      .finally(upload.dispose);
    const view = reportView(report);
    if (dryRun) {
      res.json(view);
      return;
    }
    if (!report.ok || report.importId === null) {
      res
        .status(422)
        .type('application/problem+json')
        .json({
          type: 'about:blank',
          title: 'Bestand niet vastgelegd',
          status: 422,
          detail: `Er is niets opgeslagen: het bestand heeft ${report.errorsTotal} fout(en).`,
          instance: req.originalUrl,
          rapport: view,
        });
      return;
    }
    // importFile wrote the audit line (import.commit) in the same transaction as the data.
    res.status(201).location(`${req.baseUrl}/imports/${report.importId}`).json(view);
  });

  router.get('/imports', dataRoles, async (req, res) => {
    const page = pageOf(parseQuery(req, importListQuerySchema));
    const { rows, total } = await listImports(db, page);
    res
      .set('Cache-Control', 'no-store')
      .json({ imports: rows.map(importView), ...pageEnvelope(req, page, total) });
  });

  // A file to fill in: the programme's indicators × areas in the gemeente format (; and decimal comma).
  router.get('/imports/sjabloon', dataRoles, async (req, res) => {
    const { programma } = parseQuery(req, templateQuerySchema);
    const lines = await findTemplateLines(db, programma);
    if (!lines) throw notFound(`Er is geen programma met id ${programma}.`);
    const csv = stringify(
      [
        [...GEMEENTE_COLUMNS.required, 'teller', 'noemer', 'flags', ...GEMEENTE_COLUMNS.informative],
        ...lines.map((l) => [
          l.areaCode,
          l.indicatorId,
          '',
          '',
          '',
          '',
          '',
          l.areaName ?? '',
          l.indicatorName,
        ]),
      ],
      { delimiter: ';', record_delimiter: '\r\n' },
    );
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="sjabloon-${programma}.csv"`)
      .send(`\uFEFF${csv}`);
  });

  router.get('/imports/:id', dataRoles, async (req, res) => {
    const id = idParam(req);
    const record = await findImport(db, id);
    if (!record) throw notFound(`Er is geen import met id ${id}.`);
    res.set('Cache-Control', 'no-store').json({ ...importView(record), rapport: record.report });
  });

  router.post('/imports/:id/terugdraaien', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const id = idParam(req);
    const before = await findImport(db, id);
    if (!before) throw notFound(`Er is geen import met id ${id}.`);
    // The programme definition is loaded from geodata/ at start-up, not uploaded here; undoing it
    // would remove the plan's baselines, so it is changed through its file, not rolled back.
    if (!(before.kind in allowedExtensions)) {
      throw new HttpProblem(
        409,
        'Terugdraaien niet mogelijk',
        `Import ${id} (${before.kind}) is geen upload; alleen grenzen, KWB-bestanden en gemeentecijfers kunnen hier worden teruggedraaid.`,
      );
    }
    if (before.status === 'teruggedraaid') {
      throw new HttpProblem(409, 'Al teruggedraaid', `Import ${id} is al teruggedraaid.`);
    }
    try {
      // rollbackImport writes its own audit line (import.rollback) in its transaction.
      await rollbackImport(db, id, actor.username).catch(busyAsConflict);
    } catch (error) {
      // Its refusals (a later import corrected these values, areas still in use) are Dutch sentences.
      const message = error instanceof Error ? error.message : '';
      if (/^Import \d+ /.test(message)) throw new HttpProblem(409, 'Terugdraaien niet mogelijk', message);
      throw error;
    }
    const after = await findImport(db, id);
    if (!after) throw notFound(`Er is geen import met id ${id}.`);
    res.json(importView(after));
  });
}
