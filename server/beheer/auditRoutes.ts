import type { Request, Router } from 'express';
import {
  type AuditLine,
  auditExportQuerySchema,
  auditPageSchema,
  auditQuerySchema,
} from '../../schemas/audit.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { findAuditBatch, findAuditPage } from '../audit/auditRepository.ts';
import { requireRole } from '../auth/guards.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { pageEnvelope, pageOf } from '../http/pagination.ts';
import { parseQuery } from '../http/validate.ts';

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: object | null;
  after: object | null;
  import_id: number | null;
}

const auditView = (row: AuditRow): AuditLine => ({
  id: Number(row.id),
  tijdstip: new Date(row.at).toISOString(),
  gebruiker: row.actor,
  actie: row.action,
  entiteit: row.entity,
  entiteitId: row.entity_id,
  importId: row.import_id,
  voor: row.before as AuditLine['voor'],
  na: row.after as AuditLine['na'],
});

/** A cell a spreadsheet will not run as a formula (=, +, -, @ and control characters get a quote). */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = [
  'id',
  'tijdstip',
  'gebruiker',
  'actie',
  'entiteit',
  'entiteit_id',
  'import_id',
  'voor',
  'na',
];

documentAdmin({
  method: 'get',
  path: '/beheer/audit',
  operationId: 'listAudit',
  summary: 'Auditlog: wie, wanneer, wat ervoor en erna (filter, pagina’s)',
  query: auditQuerySchema,
  responses: { 200: { description: 'Regels', schema: auditPageSchema } },
});
documentAdmin({
  method: 'get',
  path: '/beheer/audit/export',
  operationId: 'exportAuditCsv',
  summary: 'Auditlog als CSV (puntkomma, UTF-8 met BOM)',
  query: auditExportQuerySchema,
  responses: { 200: { description: 'CSV', schema: z.string(), contentType: 'text/csv' } },
});

/** The audit log: every change with who, when, before and after; as JSON pages and as a CSV file. */
export function mountAudit(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur');

  router.get('/audit', dataRoles, async (req: Request, res) => {
    const query = parseQuery(req, auditQuerySchema);
    const page = pageOf(query);
    const { rows, total } = await findAuditPage(db, query, page);
    res
      .set('Cache-Control', 'no-store')
      .json({ regels: rows.map(auditView), ...pageEnvelope(req, page, total) });
  });

  // Dutch Excel dialect (`;`, UTF-8 BOM), streamed in batches so a long log never sits in memory.
  router.get('/audit/export', dataRoles, async (req, res) => {
    const filter = parseQuery(req, auditExportQuerySchema);
    res
      .set('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`buurtpeil-audit-${new Date().toISOString().slice(0, 10)}.csv`);
    res.write(`\uFEFF${CSV_COLUMNS.join(';')}\r\n`);
    let lastId = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const batch = await findAuditBatch(db, filter, lastId);
      if (batch.length === 0) break;
      for (const row of batch) {
        const view = auditView(row);
        const cells = [
          view.id,
          view.tijdstip,
          view.gebruiker,
          view.actie,
          view.entiteit,
          view.entiteitId,
          view.importId,
          view.voor,
          view.na,
        ];
        res.write(`${cells.map(csvCell).join(';')}\r\n`);
      }
      lastId = Number(batch[batch.length - 1]!.id);
    }
    res.end();
  });
}
