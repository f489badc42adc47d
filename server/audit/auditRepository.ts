import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { AuditFilter } from '../../schemas/audit.ts';
import type { Database } from '../db/Database.ts';

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

/** One page of the audit lines that pass the filter, newest first, and how many pass it. */
export async function findAuditPage(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { paginaGrootte: number; offset: number },
) {
  const [rows, total] = await Promise.all([
    applyFilter(db.selectFrom('audit_log').selectAll(), filter)
      .orderBy('id', 'desc')
      .limit(page.paginaGrootte)
      .offset(page.offset)
      .execute(),
    applyFilter(
      db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
      filter,
    ).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The next (at most 1 000) lines that pass the filter with an id below `beforeId`, newest first. */
export async function findAuditBatch(db: Kysely<Database>, filter: AuditFilter, beforeId: number) {
  return applyFilter(db.selectFrom('audit_log').selectAll(), filter)
    .where('id', '<', beforeId)
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}
