import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem, FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('GET /api/v1/indicatoren', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('lists the whole catalogue with unit, polarity, source and disclosure rule', async () => {
    const res = await request(t.app).get('/api/v1/indicatoren').expect(200);
    assert.equal(res.headers['api-version'], '2.1.0');
    const bijstand = res.body.indicatoren.find((i: { id: string }) => i.id === FIXTURE.bijstand);
    assert.equal(bijstand.eenheid, '%');
    assert.equal(bijstand.polariteit, 'lager_is_beter');
    assert.equal(bijstand.teller, 'huishoudens met bijstand');
    assert.deepEqual(bijstand.openbaarmaking, { minimumNoemer: 50, minimumTeller: 10 });
    assert.equal(res.body.indicatoren.length, 3);
  });

  it('filters on thema', async () => {
    const res = await request(t.app).get('/api/v1/indicatoren?thema=Bevolking').expect(200);
    assert.deepEqual(res.body.indicatoren.map((i: { id: string }) => i.id).sort(), [
      FIXTURE.groei,
      FIXTURE.inwoners,
    ]);
  });

  it('answers a repeated request carrying the ETag with 304', async () => {
    const first = await request(t.app).get('/api/v1/indicatoren').expect(200);
    await request(t.app).get('/api/v1/indicatoren').set('If-None-Match', first.headers.etag!).expect(304);
  });

  it('refuses an empty thema with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/indicatoren?thema='), 400, ['thema']);
  });

  it('refuses an unknown query key with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/indicatoren?eenheid=%25'), 400, ['eenheid']);
  });
});

describe('GET /api/v1/indicatoren/{id}', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('gives one indicator with the periods, indelingen and levels that have observations', async () => {
    const res = await request(t.app).get(`/api/v1/indicatoren/${FIXTURE.bijstand}`).expect(200);
    assert.equal(res.body.naam, 'Huishoudens met bijstand');
    assert.deepEqual(res.body.beschikbaar, [
      { periode: '2017', indeling: 2017, niveau: 'buurt', aantal: 1 },
      { periode: '2020', indeling: 2022, niveau: 'buurt', aantal: 4 },
      { periode: '2020', indeling: 2022, niveau: 'gemeente', aantal: 1 },
      { periode: '2022', indeling: 2022, niveau: 'buurt', aantal: 1 },
    ]);
  });

  it('answers an unknown id with 404 problem+json', async () => {
    assertProblem(await request(t.app).get('/api/v1/indicatoren/bestaat_niet'), 404);
  });

  it('refuses a malformed id with 400 naming id', async () => {
    assertProblem(await request(t.app).get('/api/v1/indicatoren/%24%24'), 400, ['id']);
  });

  it('refuses any query key with 400 naming it', async () => {
    assertProblem(await request(t.app).get(`/api/v1/indicatoren/${FIXTURE.bijstand}?periode=2020`), 400, [
      'periode',
    ]);
  });

  it('answers a repeated request carrying the ETag with 304', async () => {
    const url = `/api/v1/indicatoren/${FIXTURE.inwoners}`;
    const first = await request(t.app).get(url).expect(200);
    await request(t.app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
  });
});
