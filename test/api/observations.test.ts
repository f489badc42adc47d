import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem, FIXTURE, type Fixture, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('GET /api/v1/waarnemingen', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  const list = (query: string) => request(t.app).get(`/api/v1/waarnemingen?${query}`);

  it('gives value, numerator, denominator, flags and source of each observation', async () => {
    const res = await list(`indicator=${FIXTURE.bijstand}&gebied=BU19160200&periode=2022`).expect(200);
    assert.equal(res.headers['api-version'], '2.1.0');
    assert.equal(res.body.waarnemingen.length, 1);
    const [obs] = res.body.waarnemingen;
    assert.equal(obs.gebiedsnaam, 'Prinsenhof hoog');
    assert.equal(obs.waarde, 16.2);
    assert.equal(obs.teller, 370);
    assert.equal(obs.noemer, 2284);
    assert.deepEqual(obs.vlaggen, ['voorlopig', 'afgerond']);
    assert.deepEqual(obs.afronding, { waarde: null, aantallen: 10 });
    assert.match(obs.bron, /Sociaal Domein/);
    assert.equal(obs.geheim, null);
  });

  it('filters on niveau and gemeente together', async () => {
    const res = await list(`indicator=${FIXTURE.bijstand}&niveau=gemeente&gemeente=GM1916`).expect(200);
    assert.deepEqual(
      res.body.waarnemingen.map((o: { gebied: string }) => o.gebied),
      ['GM1916'],
    );
  });

  it('takes comma-separated lists of areas and periods', async () => {
    const res = await list(
      `indicator=${FIXTURE.bijstand}&gebied=BU19160200,BU19160602&periode=2020,2022`,
    ).expect(200);
    assert.deepEqual(
      res.body.waarnemingen.map((o: { gebied: string; periode: string }) => `${o.gebied}/${o.periode}`),
      ['BU19160200/2020', 'BU19160200/2022', 'BU19160602/2020'],
    );
  });

  it('filters on indeling', async () => {
    const res = await list(`indicator=${FIXTURE.bijstand}&indeling=2017`).expect(200);
    assert.deepEqual(
      res.body.waarnemingen.map((o: { periode: string }) => o.periode),
      ['2017'],
    );
  });

  it('publishes a value below its indicator’s rule without figures, marked geheim with the reason', async () => {
    const res = await list(`indicator=${FIXTURE.bijstand}&gebied=${FIXTURE.suppressedArea}`).expect(200);
    const [obs] = res.body.waarnemingen;
    assert.equal(obs.waarde, null);
    assert.equal(obs.teller, null);
    assert.equal(obs.noemer, null);
    assert.ok(obs.vlaggen.includes('geheim'));
    assert.equal(obs.geheim.reden, 'te_klein');
  });

  it('marks a value CBS published as "." as geheim (cbs_geheim)', async () => {
    const res = await list(`indicator=${FIXTURE.bijstand}&gebied=${FIXTURE.confidentialArea}`).expect(200);
    assert.equal(res.body.waarnemingen[0].geheim.reden, 'cbs_geheim');
  });

  it('pages in a stable order with links', async () => {
    const first = await list(`indicator=${FIXTURE.bijstand}&paginaGrootte=3`).expect(200);
    const second = await list(`indicator=${FIXTURE.bijstand}&paginaGrootte=3&pagina=2`).expect(200);
    assert.equal(first.body.paginering.totaal, 7);
    assert.equal(first.body.waarnemingen.length, 3);
    assert.equal(second.body.waarnemingen.length, 3);
    const ids = [...first.body.waarnemingen, ...second.body.waarnemingen].map((o: { id: number }) => o.id);
    assert.equal(new Set(ids).size, 6);
    assert.match(first.body._links.next.href, /pagina=2/);
  });

  it('answers a repeated request carrying the ETag with 304', async () => {
    const url = `/api/v1/waarnemingen?indicator=${FIXTURE.inwoners}`;
    const first = await request(t.app).get(url).expect(200);
    await request(t.app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
  });

  for (const [query, name] of [
    ['indicator=a%20b', 'indicator'],
    ['indicator=', 'indicator'],
    ['gebied=BU1,%3F', 'gebied'],
    ['niveau=regio', 'niveau'],
    ['periode=20', 'periode'],
    ['periode=2020-21', 'periode'],
    ['gemeente=GM19', 'gemeente'],
    ['indeling=abcd', 'indeling'],
    ['pagina=-1', 'pagina'],
    ['paginaGrootte=0', 'paginaGrootte'],
    ['jaar=2020', 'jaar'],
  ] as const) {
    it(`refuses ${query} with 400 problem+json naming ${name}`, async () => {
      assertProblem(await list(query), 400, [name]);
    });
  }
});

describe('GET /api/v1/waarnemingen/{id} and /historie', () => {
  let t: TestApp;
  let fixture: Fixture;
  before(async () => {
    t = await createTestApp();
    fixture = await loadFixtures(t.db);
  });
  after(() => t.destroy());

  const idOf = (key: string) => fixture.observationIds[key]!;

  it('gives one observation by id', async () => {
    const id = idOf(`${FIXTURE.inwoners}/GM1916/2022`);
    const res = await request(t.app).get(`/api/v1/waarnemingen/${id}`).expect(200);
    assert.equal(res.body.waarde, 78229);
  });

  it('gives the earlier value of a corrected observation, with which import replaced it and when', async () => {
    const id = idOf(`${FIXTURE.bijstand}/BU19160200/2020`);
    const res = await request(t.app).get(`/api/v1/waarnemingen/${id}/historie`).expect(200);
    assert.equal(res.body.waarneming.waarde, 17);
    assert.equal(res.body.historie.length, 1);
    const [earlier] = res.body.historie;
    assert.equal(earlier.waarde, 18);
    assert.equal(earlier.teller, 414);
    assert.deepEqual(earlier.vlaggen, ['voorlopig']);
    assert.equal(earlier.vervangenDoor, undefined, 'no person is named');
    assert.equal(earlier.vervangenOp, '2021-09-01T00:00:00.000Z');
  });

  it('hides an earlier value that was below the disclosure rule too', async () => {
    const id = idOf(`${FIXTURE.bijstand}/${FIXTURE.suppressedArea}/2020`);
    const res = await request(t.app).get(`/api/v1/waarnemingen/${id}/historie`).expect(200);
    assert.equal(res.body.historie[0].waarde, null);
    assert.equal(res.body.historie[0].teller, null);
    assert.equal(res.body.historie[0].geheim.reden, 'te_klein');
  });

  it('gives an empty history for an observation that was never corrected', async () => {
    const id = idOf(`${FIXTURE.inwoners}/GM1916/2022`);
    const res = await request(t.app).get(`/api/v1/waarnemingen/${id}/historie`).expect(200);
    assert.deepEqual(res.body.historie, []);
  });

  it('answers an unknown id with 404 problem+json', async () => {
    assertProblem(await request(t.app).get('/api/v1/waarnemingen/999999'), 404);
    assertProblem(await request(t.app).get('/api/v1/waarnemingen/999999/historie'), 404);
  });

  it('refuses a non-numeric id with 400 naming id', async () => {
    assertProblem(await request(t.app).get('/api/v1/waarnemingen/abc'), 400, ['id']);
    assertProblem(await request(t.app).get('/api/v1/waarnemingen/1.5/historie'), 400, ['id']);
  });

  it('refuses any query key with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/waarnemingen/1/historie?tot=2020'), 400, ['tot']);
  });

  it('answers a repeated history request carrying the ETag with 304', async () => {
    const url = `/api/v1/waarnemingen/${idOf(`${FIXTURE.bijstand}/BU19160200/2020`)}/historie`;
    const first = await request(t.app).get(url).expect(200);
    await request(t.app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
  });
});
