import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { Role } from '../../server/db/Database.ts';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Endpoint {
  method: Method;
  path: string;
  body?: object | Buffer;
  /** Roles that may use it; the others get 403. */
  roles: Role[];
  /** The status an allowed role gets for this probe request. */
  allowed: number;
}

const EDITORS: Role[] = ['beheerder', 'redacteur'];
const EVERY_ROLE: Role[] = ['beheerder', 'redacteur', 'partner'];

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
  { method: 'get', path: '/api/v1/beheer/organisaties', roles: EDITORS, allowed: 200 },
  { method: 'post', path: '/api/v1/beheer/organisaties', body: {}, roles: EDITORS, allowed: 400 },
  {
    method: 'put',
    path: '/api/v1/beheer/organisaties/999999',
    body: { naam: 'X' },
    roles: EDITORS,
    allowed: 404,
  },
  {
    method: 'post',
    path: '/api/v1/beheer/programmas/sterk-voor-noord/doelen',
    body: {},
    roles: EDITORS,
    allowed: 400,
  },
  {
    method: 'put',
    path: '/api/v1/beheer/doelen/999999',
    body: { code: '1', titel: 'X' },
    roles: EDITORS,
    allowed: 404,
  },
  {
    method: 'post',
    path: '/api/v1/beheer/programmas/sterk-voor-noord/inspanningen',
    body: {},
    roles: EDITORS,
    allowed: 400,
  },
  {
    method: 'put',
    path: '/api/v1/beheer/inspanningen/999999',
    body: { code: '1', wat: 'X' },
    roles: EDITORS,
    allowed: 404,
  },
  { method: 'get', path: '/api/v1/beheer/plannen', roles: EVERY_ROLE, allowed: 200 },
  {
    method: 'get',
    path: '/api/v1/beheer/programmas/sterk-voor-noord/voortgang?periode=2026-H1',
    roles: EVERY_ROLE,
    allowed: 200,
  },
  {
    method: 'post',
    path: '/api/v1/beheer/programmas/sterk-voor-noord/voortgang',
    body: { periode: '2026-H1', regels: [] },
    roles: EVERY_ROLE,
    allowed: 400,
  },
];

const changes = (method: Method) => method !== 'get';

/** Two inspanningen of the test programme: one where the partner's organisation is a partner, one of another organisation. */
async function seedPartnerPlan(t: TestApp) {
  const [mine, theirs] = await t.db
    .insertInto('organisations')
    .values([
      { gemeente_code: 'GM1916', name: 'Buurtwerk' },
      { gemeente_code: 'GM1916', name: 'Woningcorporatie' },
    ])
    .returning('id')
    .execute();
  const [own, foreign] = await t.db
    .insertInto('inspanningen')
    .values([
      { programme_id: 'sterk-voor-noord', code: 'A', kind: 'actie', title: 'Eigen', trekker_id: theirs!.id },
      {
        programme_id: 'sterk-voor-noord',
        code: 'B',
        kind: 'actie',
        title: 'Andermans',
        trekker_id: theirs!.id,
      },
    ])
    .returning('id')
    .execute();
  await t.db
    .insertInto('inspanning_partners')
    .values({ inspanning_id: own!.id, organisation_id: mine!.id })
    .execute();
  return { own: own!.id, foreign: foreign!.id, organisation: mine!.id };
}

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
  let own: number;
  let foreign: number;
  let organisation: number;
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await addUser(t.db, 'beheer', 'beheerder');
    await addUser(t.db, 'redactie', 'redacteur');
    ({ own, foreign, organisation } = await seedPartnerPlan(t));
    await addUser(t.db, 'partner', 'partner', { organisation });
    sessions.beheerder = await login(t.app, 'beheer');
    sessions.redacteur = await login(t.app, 'redactie');
    sessions.partner = await login(t.app, 'partner');
  });
  after(() => t.destroy());

  for (const endpoint of ENDPOINTS) {
    const label = `${endpoint.method.toUpperCase()} ${endpoint.path.split('?')[0]}`;

    it(`${label}: the public gets 401 problem+json in Dutch`, async () => {
      const res = await send(t, endpoint);
      assertProblem(res, 401, label);
      assert.equal(res.body.title, 'Niet ingelogd');
    });

    for (const role of EVERY_ROLE) {
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

  const recordAs = (role: Role, inspanning: number) =>
    request(t.app)
      .post('/api/v1/beheer/programmas/sterk-voor-noord/voortgang')
      .set('Cookie', sessions[role]!.cookie)
      .set('X-CSRF-Token', sessions[role]!.csrf)
      .send({ periode: '2026-H1', regels: [{ inspanning, status: 'loopt' }] });

  it('a partner records voortgang for an inspanning of its own organisation (trekker or partner)', async () => {
    const res = await recordAs('partner', own);
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  it('a partner gets 403 for an inspanning of another organisation, and nothing is written', async () => {
    const res = await recordAs('partner', foreign);
    assertProblem(res, 403, 'foreign inspanning');
    assert.equal(res.body.invalidParams[0].name, 'regels.0.inspanning');
    const rows = await t.db
      .selectFrom('voortgang')
      .select('id')
      .where('inspanning_id', '=', foreign)
      .execute();
    assert.equal(rows.length, 0);
  });

  it('the voortgang form of a partner lists only its own organisation’s inspanningen', async () => {
    const res = await request(t.app)
      .get('/api/v1/beheer/programmas/sterk-voor-noord/voortgang?periode=2026-H1')
      .set('Cookie', sessions.partner!.cookie);
    assert.deepEqual(
      res.body.inspanningen.map((i: { id: number }) => i.id),
      [own],
    );
  });

  it('a redacteur records voortgang for any inspanning of the programme', async () => {
    assert.equal((await recordAs('redacteur', foreign)).status, 201);
  });

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
