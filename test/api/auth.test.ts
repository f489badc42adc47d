import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { createDatabase } from '../../server/db/createDatabase.ts';
import { createLogger } from '../../server/logger.ts';
import { addUser, login, PASSWORD } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { createTestDatabase } from '../support/testDatabase.ts';

const isProblem = (res: request.Response, status: number) => {
  assert.equal(res.status, status);
  assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
  assert.equal(res.body.status, status);
};

describe('logging in and out', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await addUser(t.db, 'anna', 'beheerder');
    await addUser(t.db, 'uit', 'redacteur', { disabled: true });
  });
  after(() => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom('login_attempts').execute();
  });

  it('sends strict security headers and no-store on the login answer', async () => {
    const res = await request(t.app)
      .post('/api/v1/sessies')
      .send({ gebruikersnaam: 'anna', wachtwoord: PASSWORD })
      .expect(201);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.match(res.headers['content-security-policy'] ?? '', /default-src 'self'/);
    // Plain http without a setting: no HSTS (it means nothing there; see the HSTS tests below).
    assert.equal(res.headers['strict-transport-security'], undefined);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'anna')
      .executeTakeFirstOrThrow();
    assert.match(user.password_hash, /^\$argon2id\$/);
  });

  it('sets an HttpOnly, Secure, SameSite=Strict __Host- cookie at login and returns the CSRF token', async () => {
    const res = await request(t.app)
      .post('/api/v1/sessies')
      .send({ gebruikersnaam: 'anna', wachtwoord: PASSWORD })
      .expect(201);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^__Host-buurtpeil=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.equal(res.body.gebruiker.rol, 'beheerder');
    assert.ok(res.body.csrfToken.length >= 32);
  });

  it('keeps only the hash of the session id in the database', async () => {
    const session = await login(t.app, 'anna');
    const hash = createHash('sha256').update(session.sessionId).digest('hex');
    const rows = await t.db.selectFrom('sessions').select('id_hash').execute();
    assert.ok(rows.some((row) => row.id_hash === hash));
    assert.ok(rows.every((row) => row.id_hash !== session.sessionId));
  });

  it('answers who is logged in, with the session’s CSRF token', async () => {
    const session = await login(t.app, 'anna');
    const res = await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(200);
    assert.equal(res.body.gebruiker.gebruikersnaam, 'anna');
    assert.equal(res.body.csrfToken, session.csrf);
  });

  it('refuses the public on /sessies/huidig with 401 problem+json in Dutch', async () => {
    const res = await request(t.app).get('/api/v1/sessies/huidig');
    isProblem(res, 401);
    assert.equal(res.body.title, 'Niet ingelogd');
  });

  it('refuses a wrong password and an unknown user with the same 401 message', async () => {
    const wrong = await request(t.app)
      .post('/api/v1/sessies')
      .send({ gebruikersnaam: 'anna', wachtwoord: 'fout-wachtwoord' });
    const unknown = await request(t.app)
      .post('/api/v1/sessies')
      .send({ gebruikersnaam: 'niemand', wachtwoord: 'fout-wachtwoord' });
    isProblem(wrong, 401);
    isProblem(unknown, 401);
    assert.equal(wrong.body.detail, unknown.body.detail);
  });

  it('refuses a disabled account', async () => {
    isProblem(
      await request(t.app).post('/api/v1/sessies').send({ gebruikersnaam: 'uit', wachtwoord: PASSWORD }),
      401,
    );
  });

  it('names every missing field of a login', async () => {
    const res = await request(t.app).post('/api/v1/sessies').send({});
    isProblem(res, 400);
    assert.deepEqual(res.body.invalidParams.map((p: { name: string }) => p.name).sort(), [
      'gebruikersnaam',
      'wachtwoord',
    ]);
  });

  it('logs failed logins in login_attempts', async () => {
    await request(t.app)
      .post('/api/v1/sessies')
      .send({ gebruikersnaam: 'anna', wachtwoord: 'fout-wachtwoord' });
    const attempts = await t.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('success', '=', false)
      .execute();
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]!.username, 'anna');
  });

  it('gives a new session id at every login and ends the one brought along', async () => {
    const first = await login(t.app, 'anna');
    const res = await request(t.app)
      .post('/api/v1/sessies')
      .set('Cookie', first.cookie)
      .send({ gebruikersnaam: 'anna', wachtwoord: PASSWORD })
      .expect(201);
    const second = String(res.headers['set-cookie']).split(';')[0]!;
    assert.notEqual(second, first.cookie);
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', first.cookie).expect(401);
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', second).expect(200);
  });

  it('refuses a logout without the CSRF token', async () => {
    const session = await login(t.app, 'anna');
    const res = await request(t.app).delete('/api/v1/sessies/huidig').set('Cookie', session.cookie);
    isProblem(res, 403);
    assert.equal(res.body.title, 'CSRF-controle mislukt');
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(200);
  });

  it('refuses a login posted from another website (Origin check)', async () => {
    const res = await request(t.app)
      .post('/api/v1/sessies')
      .set('Origin', 'https://kwaadaardig.example')
      .send({ gebruikersnaam: 'anna', wachtwoord: PASSWORD });
    isProblem(res, 403);
  });

  it('ends the session on the server at logout', async () => {
    const session = await login(t.app, 'anna');
    const res = await request(t.app)
      .delete('/api/v1/sessies/huidig')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf);
    assert.equal(res.status, 204);
    assert.match(String(res.headers['set-cookie']), /__Host-buurtpeil=;/);
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(401);
  });
});

describe('session expiry', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await addUser(t.db, 'anna', 'beheerder');
  });
  after(() => t.destroy());

  const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

  it('ends a session unused for longer than the idle timeout (30 minutes)', async () => {
    const session = await login(t.app, 'anna');
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('id_hash', '=', hashOf(session.sessionId))
      .execute();
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(401);
    const left = await t.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', hashOf(session.sessionId))
      .execute();
    assert.equal(left.length, 0, 'the expired session is deleted');
  });

  it('keeps a session used within the idle timeout and moves its last use', async () => {
    const session = await login(t.app, 'anna');
    const earlier = new Date(Date.now() - 29 * 60_000);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: earlier })
      .where('id_hash', '=', hashOf(session.sessionId))
      .execute();
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(200);
    const row = await t.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id_hash', '=', hashOf(session.sessionId))
      .executeTakeFirstOrThrow();
    assert.ok(new Date(row.last_seen_at).getTime() > earlier.getTime());
  });

  it('ends an active session after the absolute timeout (12 hours)', async () => {
    const session = await login(t.app, 'anna');
    await t.db
      .updateTable('sessions')
      .set({
        created_at: new Date(Date.now() - 12 * 3_600_000 - 60_000),
        expires_at: new Date(Date.now() - 60_000),
      })
      .where('id_hash', '=', hashOf(session.sessionId))
      .execute();
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(401);
  });
});

describe('login throttling', () => {
  let t: TestApp;
  before(async () => {
    // The tests play clients behind a proxy on loopback, so that proxy is trusted here.
    t = await createTestApp({ BUURTPEIL_TRUST_PROXY: 'loopback' });
    await addUser(t.db, 'anna', 'beheerder');
  });
  after(() => t.destroy());

  const attempt = (password: string, ip = '10.0.0.1', username = 'anna') =>
    request(t.app)
      .post('/api/v1/sessies')
      .set('X-Forwarded-For', ip)
      .send({ gebruikersnaam: username, wachtwoord: password });

  it('answers 429 with Retry-After after 5 failures in 15 minutes, even for the right password', async () => {
    for (let i = 0; i < 5; i++) isProblem(await attempt('fout-wachtwoord'), 401);
    const res = await attempt(PASSWORD);
    isProblem(res, 429);
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.match(res.body.detail, /Probeer het over/);
  });

  it('does not lock the same user name out from another address', async () => {
    await attempt(PASSWORD, '10.0.0.2').expect(201);
  });

  it('allows logging in again once the failures are older than the window', async () => {
    await t.db
      .updateTable('login_attempts')
      .set({ at: new Date(Date.now() - 16 * 60_000) })
      .execute();
    await attempt(PASSWORD).expect(201);
  });

  it('checks at most 5 passwords when 40 attempts for one name arrive at once (D6)', async () => {
    await t.db.deleteFrom('login_attempts').execute();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => attempt('fout-wachtwoord', '10.0.0.3')),
    );
    const statuses = answers.map((res) => res.status);
    assert.equal(statuses.filter((s) => s === 401).length, 5, `statuses ${statuses.join(',')}`);
    assert.equal(statuses.filter((s) => s === 429).length, 35);
    // And the right password, sent along with a burst of wrong ones, gets in at most once.
    await t.db.deleteFrom('login_attempts').execute();
    const mixed = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(i === 29 ? PASSWORD : 'fout-wachtwoord', '10.0.0.4')),
    );
    const checked = mixed.filter((res) => res.status !== 429).length;
    assert.ok(checked <= 5, `${checked} passwords checked`);
  });

  it('throttles one account attacked from many addresses (20 failures across addresses)', async () => {
    await t.db.deleteFrom('login_attempts').execute();
    for (let i = 0; i < 20; i++) isProblem(await attempt('fout-wachtwoord', `10.1.0.${i}`), 401);
    isProblem(await attempt('fout-wachtwoord', '10.1.1.1'), 429);
  });

  it('throttles password spraying: many user names from one address (20 failures)', async () => {
    await t.db.deleteFrom('login_attempts').execute();
    for (let i = 0; i < 20; i++) isProblem(await attempt('fout-wachtwoord', '10.2.0.1', `niemand${i}`), 401);
    isProblem(await attempt('fout-wachtwoord', '10.2.0.1', 'nog-iemand'), 429);
    // Another address is not affected.
    await attempt(PASSWORD, '10.2.0.2').expect(201);
  });
});

describe('X-Forwarded-For without a trusted proxy', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await addUser(t.db, 'anna', 'beheerder');
  });
  after(() => t.destroy());

  it('is ignored: 10 spoofed addresses share one throttle bucket (D6)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await request(t.app)
        .post('/api/v1/sessies')
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .send({ gebruikersnaam: 'anna', wachtwoord: 'fout-wachtwoord' });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const ips = await t.db.selectFrom('login_attempts').select('ip').distinct().execute();
    assert.equal(ips.length, 1);
    assert.ok(!ips[0]!.ip.startsWith('192.0.2.'), ips[0]!.ip);
  });
});

describe('Strict-Transport-Security', () => {
  it('goes with answers over https behind a trusted proxy, not with plain http', async () => {
    const t = await createTestApp({ BUURTPEIL_TRUST_PROXY: 'loopback' });
    try {
      const plain = await request(t.app).get('/api/v1/status');
      assert.equal(plain.headers['strict-transport-security'], undefined);
      const https = await request(t.app).get('/api/v1/status').set('X-Forwarded-Proto', 'https');
      assert.match(https.headers['strict-transport-security'] ?? '', /max-age=31536000; includeSubDomains/);
    } finally {
      await t.destroy();
    }
  });

  it('goes with every answer when BUURTPEIL_HSTS=true', async () => {
    const t = await createTestApp({ BUURTPEIL_HSTS: 'true' });
    try {
      const res = await request(t.app).get('/api/v1/status');
      assert.match(res.headers['strict-transport-security'] ?? '', /max-age=31536000/);
    } finally {
      await t.destroy();
    }
  });
});

describe('the request log', () => {
  it('never contains the session id: Set-Cookie and Cookie are redacted (D7)', async () => {
    const database = await createTestDatabase();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({
      db: database.db,
      config: { ...readConfig({}), databaseUrl: database.databaseUrl },
      logger: createLogger('info', sink),
    });
    try {
      await addUser(database.db, 'anna', 'beheerder');
      const session = await login(app, 'anna');
      await request(app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(200);
      const log = lines.join('');
      assert.ok(log.includes('/api/v1/sessies'), 'the requests were logged');
      assert.ok(!log.includes(session.sessionId), 'session id in the log');
      assert.ok(!log.includes(session.csrf), 'CSRF token in the log');
      assert.match(log, /"set-cookie":"\[Redacted\]"/);
      assert.match(log, /"cookie":"\[Redacted\]"/);
    } finally {
      await database.destroy();
    }
  });
});

describe('a session in a database shared by two app processes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await addUser(t.db, 'anna', 'beheerder');
  });
  after(() => t.destroy());

  it('is valid in the other app and ended there by logout', async () => {
    // On PostgreSQL the second app has its own connection pool, as a second process would.
    const secondDb = t.databaseUrl ? createDatabase({ databaseUrl: t.databaseUrl }) : t.db;
    const second = createApp({
      db: secondDb,
      config: { ...readConfig({ LOG_LEVEL: 'silent' }), databaseUrl: t.databaseUrl },
      logger: createLogger('silent'),
    });
    try {
      const session = await login(t.app, 'anna');
      const res = await request(second)
        .get('/api/v1/sessies/huidig')
        .set('Cookie', session.cookie)
        .expect(200);
      assert.equal(res.body.gebruiker.gebruikersnaam, 'anna');
      await request(second)
        .delete('/api/v1/sessies/huidig')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrf)
        .expect(204);
      await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', session.cookie).expect(401);
    } finally {
      if (secondDb !== t.db) await secondDb.destroy();
    }
  });
});
