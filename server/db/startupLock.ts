import { sql } from 'kysely';
import type { Db } from './createDatabase.ts';

/** Key of the PostgreSQL advisory lock that start-up (migrations, catalogue) takes: "buurtpeil start". */
export const STARTUP_LOCK_KEY = 0x62_70_5f_73; // 'bp_s'

/** What a process waiting for the start-up lock says (the app on start, and the CLI). */
export const STARTUP_WAIT_MESSAGE =
  'Een ander proces start deze database op of leest er gegevens in; even wachten …';

/**
 * Runs `work` (migrations, catalogue upsert, programme definitions) while holding a PostgreSQL
 * session advisory lock, so two app processes starting together on one database take turns
 * instead of inserting the same rows at once (docs/decisions/0078). The lock is held on one pooled
 * connection; `work` runs on the others. It is asked for with pg_try_advisory_lock in a loop, so
 * the wait is not cut short by statement_timeout. `npm run db:migrate` and
 * `npm run import` take it too, so they never interleave with a starting app. The embedded database has one process by
 * construction and needs no lock.
 */
export async function withStartupLock<T>(
  db: Db,
  kind: 'postgresql' | 'pglite',
  work: () => Promise<T>,
  options: { pollMs?: number; onWait?: () => void } = {},
): Promise<T> {
  if (kind === 'pglite') return work();
  return db.connection().execute(async (connection) => {
    let waited = false;
    for (;;) {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(${STARTUP_LOCK_KEY}) as locked`.execute(connection);
      if (rows[0]?.locked) break;
      if (!waited) options.onWait?.();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
    }
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
