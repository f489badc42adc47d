/**
 * D6 against a real app process over real sockets: 100 parallel logins for one name from one
 * address checked 23 passwords against a limit of 5 before the fix; 60 names from one address were
 * never throttled; 30 spoofed X-Forwarded-For values gave 30 fresh buckets. Distinct client
 * addresses are loopback addresses (127.0.0.x) the requests are sent from.
 * test/api/auth.test.ts checks the same rules in process on both databases in `npm test`.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createDatabase } from '../../server/db/createDatabase.ts';
import { PASSWORD } from '../fixtures/beheer/beheerTestSupport.ts';
import { AppProcess } from './support/appProcess.ts';
import { TempPostgres } from './support/tempPostgres.ts';

/** POST /sessies from `from` (a loopback address); resolves with the status code. */
function login(
  app: AppProcess,
  body: { gebruikersnaam: string; wachtwoord: string },
  from = '127.0.0.1',
  headers: Record<string, string> = {},
): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: app.port,
        path: '/api/v1/sessies',
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end(payload);
  });
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('D6: parallel logins on a real process', { timeout: 180_000 }, () => {
  let postgres: TempPostgres;
  let app: AppProcess;
  const figures: Record<string, unknown> = {};
  before(async () => {
    postgres = await TempPostgres.create();
    app = await AppProcess.start({ DATABASE_URL: postgres.url() });
    const db = createDatabase({ databaseUrl: postgres.url() });
    await db
      .insertInto('users')
      .values({
        username: 'anna',
        display_name: 'Anna',
        role: 'beheerder',
        password_hash: await hashPassword(PASSWORD),
        disabled: false,
      })
      .execute();
    await db.destroy();
  });
  after(async () => {
    console.log('D6 figures', JSON.stringify(figures));
    await app?.stop();
    await postgres?.destroy();
  });

  it('100 parallel wrong passwords for one name from one address: exactly 5 are checked', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        login(app, { gebruikersnaam: 'anna', wachtwoord: 'fout' }, '127.0.0.2'),
      ),
    );
    figures.parallelOneName = tally(statuses);
    assert.deepEqual(tally(statuses), { 401: 5, 429: 95 });
    // The right password, from that address, is refused now too.
    assert.equal(await login(app, { gebruikersnaam: 'anna', wachtwoord: PASSWORD }, '127.0.0.2'), 429);
  });

  it('60 user names from one address (password spraying) are throttled after 20 failures', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push(await login(app, { gebruikersnaam: `niemand${i}`, wachtwoord: 'fout' }, '127.0.0.3'));
    figures.spraying = tally(statuses);
    assert.deepEqual(tally(statuses), { 401: 20, 429: 40 });
  });

  it('30 spoofed X-Forwarded-For values share the one bucket of the real address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push(
        await login(app, { gebruikersnaam: `bert${i}`, wachtwoord: 'fout' }, '127.0.0.4', {
          'X-Forwarded-For': `203.0.113.${i}`,
        }),
      );
    figures.spoofedForwardedFor = tally(statuses);
    assert.deepEqual(tally(statuses), { 401: 20, 429: 10 });
  });
});
