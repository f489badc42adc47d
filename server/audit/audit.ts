import type { Kysely } from 'kysely';
import type { Database } from '../db/Database.ts';

export interface AuditEntry {
  /** Who did it: a logged-in user, or `cli` (id null) for a command-line action. */
  actor: { username: string; id: number | null };
  /** What happened, as `<entity>.<verb>`: gebruiker.aanmaken, streefwaarde.wijzigen, import.vastleggen, … */
  action: string;
  entity: string;
  entityId: string | number | null;
  before: object | null;
  after: object | null;
  importId?: number | null;
}

/**
 * One line in the audit log. Call it inside the same transaction as the change itself, so that a
 * change without its audit line (or the other way round) cannot exist.
 */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor.username,
      user_id: entry.actor.id,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      import_id: entry.importId ?? null,
    })
    .execute();
}

/** The audit lines of one entity, newest first: the history of a target, a programme, an account. */
export async function auditEntriesOf(db: Kysely<Database>, entity: string, entityId: string | number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id', 'desc')
    .execute();
}
