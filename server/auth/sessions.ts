import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/createDatabase.ts';
import type { Role } from '../db/Database.ts';
import type { AuthSettings } from './authSettings.ts';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** A partner's organisation; null for the other roles. */
  organisationId: number | null;
}

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  user: SessionUser;
}

/** Only the hash of the cookie value is stored: a copy of the sessions table cannot log anyone in. */
export const hashSessionId = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

const randomToken = () => randomBytes(32).toString('base64url');

/** A fresh session (a new id at every login, so a planted id is worthless) and its CSRF token. */
export async function createSession(
  db: Db,
  userId: number,
  settings: AuthSettings,
  now = new Date(),
): Promise<{ sessionId: string; csrfToken: string }> {
  const sessionId = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSessionId(sessionId),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + settings.absoluteTimeoutMs),
    })
    .execute();
  return { sessionId, csrfToken };
}

/**
 * The session behind a cookie value, if it is still valid: not past its absolute expiry, used
 * within the idle timeout, and its user not disabled. A valid session's last use is moved to now;
 * an expired one is deleted. Everything is in the database, so any app process can answer.
 */
export async function findActiveSession(
  db: Db,
  sessionId: string,
  settings: AuthSettings,
  now = new Date(),
): Promise<ActiveSession | undefined> {
  const idHash = hashSessionId(sessionId);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.created_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.disabled',
      'users.organisation_id',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleSince = now.getTime() - new Date(row.last_seen_at).getTime();
  const absoluteEnd = Math.min(
    new Date(row.expires_at).getTime(),
    new Date(row.created_at).getTime() + settings.absoluteTimeoutMs,
  );
  if (row.disabled || idleSince > settings.idleTimeoutMs || now.getTime() >= absoluteEnd) {
    await deleteSession(db, idHash);
    return undefined;
  }
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  return {
    idHash,
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      organisationId: row.organisation_id,
    },
  };
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, e.g. when the account is disabled or its password changes. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
