import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { Role } from '../../server/db/Database.ts';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

type Method = 'get' | 'post' | 'patch' | 'delete';

interface Endpoint {
  method: Method;
  path: string;
  body?: object | Buffer;
  /** Roles that may use it; the others get 403. */
  roles: Role[];
  /** The status an allowed role gets for this probe request. */
  allowed: number;
}

// Every beheer endpoint with a probe request whose answer does not depend on the importer:
// an upload of a PDF is refused as a file type (415) only after session, role and CSRF passed.
const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/api/v1/beheer/gebruikers', roles: ['beheerder'], allowed: 200 },
  {
    method: 'post',
    path: '/api/v1/beheer/gebruikers',
    body: { gebruikersnaam: 'x' },
    roles: ['beheerder'],
    allowed: 400,
  },
  {
    method: 'patch',
    path: '/api/v1/beheer/gebruikers/999',
    body: { naam: 'X' },
    roles: ['beheerder'],
    allowed: 404,
  },
  {
    method: 'post',
    path: '/api/v1/beheer/imports?soort=gemeentecijfers&modus=voorbeeld&bestandsnaam=cijfers.pdf',
    body: Buffer.from('%PDF-1.4'),
    roles: ['beheerder', 'redacteur'],
    allowed: 415,
  },
  { method: 'get', path: '/api/v1/beheer/imports', roles: ['beheerder', 'redacteur'], allowed: 200 },
  { method: 'get', path: '/api/v1/beheer/imports/999', roles: ['beheerder', 'redacteur'], allowed: 404 },
  {
    method: 'post',
    path: '/api/v1/beheer/imports/999/terugdraaien',
    roles: ['beheerder', 'redacteur'],
    allowed: 404,
  },
  { method: 'get', path: '/api/v1/beheer/streefwaarden', roles: ['beheerder', 'redacteur'], allowed: 200 },
  {
    method: 'post',
    path: '/api/v1/beheer/streefwaarden',
    body: {},
    roles: ['beheerder', 'redacteur'],
    allowed: 400,
  },
  {
    method: 'patch',
    path: '/api/v1/beheer/streefwaarden/999',
    body: { streefjaar: 2031 },
    roles: ['beheerder', 'redacteur'],
    allowed: 404,
  },
  {
    method: 'delete',
    path: '/api/v1/beheer/streefwaarden/999',
    roles: ['beheerder', 'redacteur'],
    allowed: 404,
  },
  { method: 'get', path: '/api/v1/beheer/programmas', roles: ['beheerder', 'redacteur'], allowed: 200 },
  {
    method: 'get',
    path: '/api/v1/beheer/programmas/sterk-voor-noord',
    roles: ['beheerder', 'redacteur'],
    allowed: 200,
  },
  {
    method: 'patch',
    path: '/api/v1/beheer/programmas/bestaat-niet',
    body: { naam: 'X' },
    roles: ['beheerder', 'redacteur'],
    allowed: 404,
  },
  {
    method: 'get',
    path: '/api/v1/beheer/streefwaarden/999/historie',
    roles: ['beheerder', 'redacteur'],
    allowed: 404,
  },
  {
    method: 'patch',
    path: '/api/v1/beheer/programmas/sterk-voor-noord/rijen/bestaat_niet',
    body: { verwanteIndicatorId: null },
    roles: ['beheerder', 'redacteur'],
    allowed: 404,
  },
  { method: 'get', path: '/api/v1/beheer/audit', roles: ['beheerder', 'redacteur'], allowed: 200 },
  { method: 'get', path: '/api/v1/beheer/audit/export', roles: ['beheerder', 'redacteur'], allowed: 200 },
];

const changes = (method: Method) => method !== 'get';

function send(t: TestApp, endpoint: Endpoint, session?: LoggedIn, withCsrf = true) {
  let req = request(t.app)[endpoint.method](endpoint.path);
  if (session) req = req.set('Cookie', session.cookie);
  if (session && withCsrf && changes(endpoint.method)) req = req.set('X-CSRF-Token', session.csrf);
  if (Buffer.isBuffer(endpoint.body))
    return req.set('Content-Type', 'application/octet-stream').send(endpoint.body);
  return endpoint.body ? req.send(endpoint.body) : req;
}

function assertProblem(res: request.Response, status: number, label: string) {
  assert.equal(res.status, status, `${label}: ${res.status} ${JSON.stringify(res.body)}`);
  assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/, label);
  assert.equal(typeof res.body.title, 'string', label);
}

describe('who may use which beheer endpoint', () => {
  let t: TestApp;
  const sessions: Partial<Record<Role, LoggedIn>> = {};
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await addUser(t.db, 'beheer', 'beheerder');
    await addUser(t.db, 'redactie', 'redacteur');
    sessions.beheerder = await login(t.app, 'beheer');
    sessions.redacteur = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  for (const endpoint of ENDPOINTS) {
    const label = `${endpoint.method.toUpperCase()} ${endpoint.path.split('?')[0]}`;

    it(`${label}: the public gets 401 problem+json in Dutch`, async () => {
      const res = await send(t, endpoint);
      assertProblem(res, 401, label);
      assert.equal(res.body.title, 'Niet ingelogd');
    });

    for (const role of ['redacteur', 'beheerder'] as Role[]) {
      if (endpoint.roles.includes(role)) {
        it(`${label}: a ${role} is let through (${endpoint.allowed})`, async () => {
          const res = await send(t, endpoint, sessions[role]);
          assert.equal(res.status, endpoint.allowed, `${label} as ${role}: ${JSON.stringify(res.body)}`);
        });
      } else {
        it(`${label}: a ${role} gets 403 problem+json`, async () => {
          const res = await send(t, endpoint, sessions[role]);
          assertProblem(res, 403, label);
          assert.equal(res.body.title, 'Geen toegang');
        });
      }
    }

    if (changes(endpoint.method)) {
      it(`${label}: without X-CSRF-Token even a beheerder gets 403`, async () => {
        const res = await send(t, endpoint, sessions.beheerder, false);
        assertProblem(res, 403, label);
        assert.equal(res.body.title, 'CSRF-controle mislukt');
      });
    }
  }

  it('refuses a change with another session’s CSRF token', async () => {
    const res = await request(t.app)
      .delete('/api/v1/beheer/streefwaarden/1')
      .set('Cookie', sessions.redacteur!.cookie)
      .set('X-CSRF-Token', sessions.beheerder!.csrf);
    assertProblem(res, 403, 'foreign token');
    assert.ok(
      await t.db.selectFrom('targets').select('id').where('id', '=', 1).executeTakeFirst(),
      'target still there',
    );
  });

  it('refuses a change whose Origin is another website, even with the right token', async () => {
    const res = await request(t.app)
      .delete('/api/v1/beheer/streefwaarden/1')
      .set('Cookie', sessions.beheerder!.cookie)
      .set('X-CSRF-Token', sessions.beheerder!.csrf)
      .set('Origin', 'https://kwaadaardig.example');
    assertProblem(res, 403, 'foreign origin');
    assert.ok(
      await t.db.selectFrom('targets').select('id').where('id', '=', 1).executeTakeFirst(),
      'target still there',
    );
  });

  it('sends no-store on beheer answers so no cache keeps them', async () => {
    const res = await request(t.app).get('/api/v1/beheer/imports').set('Cookie', sessions.beheerder!.cookie);
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});
