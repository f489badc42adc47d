import type { Request, Router } from 'express';
import type { SelectQueryBuilder } from 'kysely';
import {
  type AuditFilter,
  type AuditLine,
  auditExportQuerySchema,
  auditPageSchema,
  auditQuerySchema,
} from '../../schemas/audit.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { requireRole } from '../auth/guards.ts';
import type { Database } from '../db/Database.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { pageEnvelope, pageOf } from '../http/pagination.ts';
import { parseQuery } from '../http/validate.ts';

type AuditQuery = SelectQueryBuilder<Database, 'audit_log', object>;

function applyFilter<Q extends AuditQuery>(query: Q, filter: AuditFilter): Q {
  let q = query as AuditQuery;
  if (filter.actie) {
    q = filter.actie.endsWith('.')
      ? q.where('action', 'like', `${filter.actie.replace(/[\\%_]/g, '\\$&')}%`)
      : q.where('action', '=', filter.actie);
  }
  if (filter.entiteit) q = q.where('entity', '=', filter.entiteit);
  if (filter.entiteitId) q = q.where('entity_id', '=', filter.entiteitId);
  if (filter.gebruiker) q = q.where('actor', '=', filter.gebruiker);
  if (filter.van) q = q.where('at', '>=', new Date(`${filter.van}T00:00:00Z`));
  if (filter.tot)
    q = q.where('at', '<', new Date(new Date(`${filter.tot}T00:00:00Z`).getTime() + 86_400_000));
  return q as Q;
}

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
    const [rows, total] = await Promise.all([
      applyFilter(db.selectFrom('audit_log').selectAll(), query)
        .orderBy('id', 'desc')
        .limit(page.paginaGrootte)
        .offset(page.offset)
        .execute(),
      applyFilter(
        db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
        query,
      ).executeTakeFirstOrThrow(),
    ]);
    res
      .set('Cache-Control', 'no-store')
      .json({ regels: rows.map(auditView), ...pageEnvelope(req, page, Number(total.n)) });
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
      const batch = await applyFilter(db.selectFrom('audit_log').selectAll(), filter)
        .where('id', '<', lastId)
        .orderBy('id', 'desc')
        .limit(1000)
        .execute();
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
