import { sql } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { AuthSettings } from './authSettings.ts';

/**
 * Login throttling. Under a transaction-scoped advisory lock per user name and per address, the
 * failures in the window are counted and, when below the limit, this attempt is written as a
 * failure *before* its password is checked. However many attempts run at once, at most the limit
 * of password checks ever run per bucket. A successful attempt is turned into a success afterwards;
 * a refused one (429) is not written, so waiting out the window is enough to get back in.
 *
 * Three buckets, each with its own limit (decision 0081):
 * - user name + address (the strict one: 5 by default);
 * - user name across all addresses (one account attacked from many addresses);
 * - address across all user names (password spraying from one address).
 */
export interface LoginAttempt {
  id: number;
  /** Seconds until another attempt is allowed; 0 when this one may check its password. */
  wait: number;
}

export async function beginLoginAttempt(
  db: Db,
  username: string,
  ip: string,
  settings: AuthSettings,
  now = new Date(),
): Promise<LoginAttempt> {
  const windowStart = new Date(now.getTime() - settings.throttleWindowMs);
  const buckets = [
    { username, ip, limit: settings.maxFailedLogins },
    { username, limit: settings.maxFailedLoginsPerAccount },
    { ip, limit: settings.maxFailedLoginsPerAddress },
  ];
  return db.transaction().execute(async (trx) => {
    // Count and write one attempt at a time per user name and per address (in a fixed order, so
    // two attempts never wait for each other crosswise): parallel attempts cannot see the same
    // count, on PostgreSQL as on PGlite.
    for (const key of [`login:account:${username}`, `login:address:${ip}`].sort()) {
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    }
    let wait = 0;
    for (const bucket of buckets) {
      // The failures in the window, newest first: this attempt is refused when there are
      // already `limit` of them (so it would be number limit + 1).
      let query = trx
        .selectFrom('login_attempts')
        .select('at')
        .where('success', '=', false)
        .where('at', '>', windowStart);
      if (bucket.username !== undefined) query = query.where('username', '=', bucket.username);
      if (bucket.ip !== undefined) query = query.where('ip', '=', bucket.ip);
      const failures = await query.orderBy('at', 'desc').limit(bucket.limit).execute();
      if (failures.length < bucket.limit) continue;
      // Allowed again once the oldest of the last `limit` failures leaves the window.
      const oldest = new Date(failures[failures.length - 1]!.at).getTime();
      wait = Math.max(wait, 1, Math.ceil((oldest + settings.throttleWindowMs - now.getTime()) / 1000));
    }
    if (wait > 0) return { id: 0, wait };
    // Written as a failure before the password is checked; a right password turns it into a success.
    const { id } = await trx
      .insertInto('login_attempts')
      .values({ username, ip, success: false, at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, wait: 0 };
  });
}

/** The attempt's password was right: it no longer counts as a failure. */
export async function markLoginSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.updateTable('login_attempts').set({ success: true }).where('id', '=', attemptId).execute();
}
