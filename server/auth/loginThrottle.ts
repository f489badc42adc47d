import type { Db } from '../db/createDatabase.ts';
import type { AuthSettings } from './authSettings.ts';

/**
 * Seconds until another login attempt for this user name from this address is allowed, or 0.
 * Counting per user name + IP keeps one attacker from locking a real user out from elsewhere.
 */
export async function secondsUntilLoginAllowed(
  db: Db,
  username: string,
  ip: string,
  settings: AuthSettings,
  now = new Date(),
): Promise<number> {
  const windowStart = new Date(now.getTime() - settings.throttleWindowMs);
  const failures = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('success', '=', false)
    .where('at', '>', windowStart)
    .orderBy('at', 'desc')
    .limit(settings.maxFailedLogins)
    .execute();
  if (failures.length < settings.maxFailedLogins) return 0;
  // Allowed again once the oldest of the last N failures leaves the window.
  const oldest = new Date(failures[failures.length - 1]!.at).getTime();
  return Math.max(1, Math.ceil((oldest + settings.throttleWindowMs - now.getTime()) / 1000));
}

export async function recordLoginAttempt(
  db: Db,
  username: string,
  ip: string,
  success: boolean,
  now = new Date(),
): Promise<void> {
  await db.insertInto('login_attempts').values({ username, ip, success, at: now }).execute();
}
