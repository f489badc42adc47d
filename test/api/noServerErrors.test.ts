import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import request from 'supertest';
import { addUser, login } from '../fixtures/beheer/beheerTestSupport.ts';
import { FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Property: whatever a client sends — any keys, values, repeated keys, odd characters, odd path
// segments — every endpoint answers 2xx, 304, 400 or 404, never a 5xx.

const endpoints: Array<{ path: (segment: string) => string; keys: string[] }> = [
  {
    path: () => '/api/v1/gebieden',
    keys: ['niveau', 'gemeente', 'indeling', 'ouder', 'zoek', 'pagina', 'paginaGrootte'],
  },
  { path: (s) => `/api/v1/gebieden/${s}`, keys: ['indeling'] },
  { path: (s) => `/api/v1/gebieden/${s}/voortgang`, keys: ['indeling'] },
  { path: () => '/api/v1/indicatoren', keys: ['thema'] },
  { path: (s) => `/api/v1/indicatoren/${s}`, keys: [] },
  {
    path: () => '/api/v1/waarnemingen',
    keys: ['indicator', 'gebied', 'niveau', 'periode', 'gemeente', 'indeling', 'pagina', 'paginaGrootte'],
  },
  { path: (s) => `/api/v1/waarnemingen/${s}`, keys: [] },
  { path: (s) => `/api/v1/waarnemingen/${s}/historie`, keys: [] },
  { path: () => '/api/v1/programmas', keys: [] },
  { path: (s) => `/api/v1/programmas/${s}`, keys: [] },
  { path: (s) => `/api/v1/programmas/${s}/voortgang`, keys: ['jaar'] },
  {
    path: (s) => `/api/v1/kaartlagen/${s}`,
    keys: ['periode', 'niveau', 'gemeente', 'horizon', 'programma', 'indeling'],
  },
  { path: (s) => `/api/v1/geometrie/${s}/buurt`, keys: ['gemeente'] },
  { path: (s) => `/api/v1/geometrie/2022/${s}`, keys: ['gemeente'] },
  {
    path: () => '/api/v1/exports/waarnemingen.csv',
    keys: [
      'dialect',
      'indicator',
      'gebied',
      'niveau',
      'gemeente',
      'periode',
      'indeling',
      'programma',
      'horizon',
    ],
  },
  {
    path: () => '/api/v1/exports/kaartlaag.geojson',
    keys: ['indicator', 'periode', 'niveau', 'gemeente', 'horizon', 'programma', 'indeling'],
  },
  {
    path: () => '/api/v1/exports/kaartlaag.fgb',
    keys: ['indicator', 'periode', 'niveau', 'gemeente', 'horizon', 'programma', 'indeling'],
  },
];

/** Plausible values (so requests get past validation into the queries) mixed with arbitrary text. */
const value = fc.oneof(
  fc.constantFrom(
    '2017',
    '2020',
    '2022',
    '10',
    '20',
    '1',
    '0',
    '-1',
    'buurt',
    'wijk',
    'gemeente',
    'programmagebied',
    'GM1916',
    'BU19160200',
    FIXTURE.suppressedArea,
    FIXTURE.bijstand,
    FIXTURE.inwoners,
    FIXTURE.programme,
    'excel',
    'standaard',
    '2017-2021',
    'BU19160200,BU19160602',
    '',
    '%',
    '_',
    '\\',
    "'",
    '99999999999999999999',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

const segment = fc.oneof(
  fc.constantFrom(
    'BU19160200',
    'GM1916',
    FIXTURE.programmeArea,
    FIXTURE.bijstand,
    FIXTURE.programme,
    '1',
    '3',
    '0',
    '2022',
    '2017',
    'buurt',
    '..',
    '%2e%2e',
    '%00',
    '%',
  ),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

const queryPairs = (keys: string[]) =>
  fc.array(
    fc.tuple(
      keys.length > 0
        ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 }))
        : fc.string({ maxLength: 12 }),
      value,
    ),
    { maxLength: 6 },
  );

describe('every endpoint, given arbitrary input', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  for (const endpoint of endpoints) {
    const name = endpoint.path('{x}');
    it(`${name} never answers with a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(segment, queryPairs(endpoint.keys), async (pathSegment, pairs) => {
          const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const url = `${endpoint.path(pathSegment)}${query ? `?${query}` : ''}`;
          const res = await request(t.app).get(url);
          assert.ok(res.status < 500, `${url} → ${res.status} ${res.text?.slice(0, 300)}`);
          if (res.status >= 400)
            assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/, url);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a raw, unencoded query string never causes a 5xx either', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (raw) => {
        const res = await request(t.app).get(`/api/v1/waarnemingen?${raw.replace(/[#\s]/g, '')}`);
        assert.ok(res.status < 500, `${raw} → ${res.status}`);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a NUL byte in a parameter, a path or a file name (D15)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
    await addUser(t.db, 'anna', 'beheerder');
  });
  after(() => t.destroy());

  it('is refused with 400 problem+json naming the parameter, before any query runs', async () => {
    for (const url of [
      '/api/v1/waarnemingen?gebied=%00',
      '/api/v1/waarnemingen?indicator=bijstand%00',
      '/api/v1/gebieden?zoek=a%00b',
      '/api/v1/gebieden/BU19160200%00',
      '/api/v1/indicatoren/x%00',
      '/api/v1/exports/waarnemingen.csv?gebied=%00',
      `/api/v1/kaartlagen/${FIXTURE.bijstand}?periode=2020&gemeente=%00`,
    ]) {
      const res = await request(t.app).get(url);
      assert.equal(res.status, 400, `${url} → ${res.status} ${res.text?.slice(0, 200)}`);
      assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/, url);
      assert.match(JSON.stringify(res.body.invalidParams), /NUL-teken/, url);
    }
  });

  it('is refused by the audit export before the CSV headers go out, and in an upload file name', async () => {
    const session = await login(t.app, 'anna');
    const res = await request(t.app)
      .get('/api/v1/beheer/audit/export?gebruiker=%00')
      .set('Cookie', session.cookie);
    assert.equal(res.status, 400, res.text?.slice(0, 200));
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
    const upload = await request(t.app)
      .post('/api/v1/beheer/imports?soort=gemeentecijfers&modus=voorbeeld&bestandsnaam=a%00.csv')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('gebiedscode;indicator;periode;waarde\n'));
    assert.equal(upload.status, 400, upload.text?.slice(0, 200));
    assert.match(JSON.stringify(upload.body.invalidParams), /bestandsnaam/);
  });
});

describe('hostile GeoJSON in a boundary upload (D16)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await addUser(t.db, 'anna', 'beheerder');
  });
  after(() => t.destroy());

  const upload = async (coordinates: string) => {
    const session = await login(t.app, 'anna');
    const file = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"buurtcode":"BU19160200","buurtnaam":"X"},"geometry":{"type":"Polygon","coordinates":${coordinates}}}]}`;
    return request(t.app)
      .post('/api/v1/beheer/imports?soort=grenzen&modus=vastleggen&bestandsnaam=buurten_2022.geojson')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(file));
  };

  it('answers 422 with a Dutch reason for 100 000 levels of nested coordinates', async () => {
    const depth = 100_000;
    const res = await upload(`${'['.repeat(depth)}80000,450000${']'.repeat(depth)}`);
    assert.equal(res.status, 422, res.text?.slice(0, 300));
    assert.match(JSON.stringify(res.body), /ongeldige coördinaten|geen geldige GeoJSON/);
  });

  it('refuses coordinates that are not numbers instead of storing no shape', async () => {
    const res = await upload('[[["a","b"],["c","d"],["e","f"],["a","b"]]]');
    assert.equal(res.status, 422, res.text?.slice(0, 300));
    assert.match(JSON.stringify(res.body), /ongeldige coördinaten: een punt is geen paar getallen/);
  });
});
