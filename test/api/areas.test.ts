import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem, FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('GET /api/v1/gebieden', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('lists the buurten of a gemeente in the newest indeling, with an API-Version header', async () => {
    const res = await request(t.app).get('/api/v1/gebieden?niveau=buurt&gemeente=GM1916').expect(200);
    assert.equal(res.headers['api-version'], '2.1.0');
    assert.deepEqual(
      res.body.gebieden.map((g: { code: string }) => g.code),
      FIXTURE.buurten2022,
    );
    assert.ok(res.body.gebieden.every((g: { indeling: number }) => g.indeling === 2022));
    assert.equal(res.body.paginering.totaal, 5);
  });

  it('lists an older indeling when asked for it', async () => {
    const res = await request(t.app)
      .get('/api/v1/gebieden?niveau=buurt&gemeente=GM1916&indeling=2017')
      .expect(200);
    assert.deepEqual(
      res.body.gebieden.map((g: { code: string; naam: string }) => `${g.code} ${g.naam}`),
      ['BU19160200 Prinsenhof hoog', 'BU19160600 De Heuvel'],
    );
  });

  it('finds an area by part of its name, case-insensitively', async () => {
    const res = await request(t.app).get('/api/v1/gebieden?zoek=HEUVEL%20N').expect(200);
    assert.deepEqual(
      res.body.gebieden.map((g: { code: string }) => g.code),
      ['BU19160602'],
    );
  });

  it('ranks a name that starts with the search term above one that only contains it', async () => {
    const res = await request(t.app).get('/api/v1/gebieden?zoek=prinsenhof').expect(200);
    assert.equal(res.body.gebieden[0].naam, 'Prinsenhof');
  });

  it('treats % in a search term as a literal character', async () => {
    const res = await request(t.app).get('/api/v1/gebieden?zoek=%25').expect(200);
    assert.equal(res.body.gebieden.length, 0);
  });

  it('pages with pagina and paginaGrootte and links to the next and last page', async () => {
    const res = await request(t.app)
      .get('/api/v1/gebieden?niveau=buurt&gemeente=GM1916&paginaGrootte=2&pagina=2')
      .expect(200);
    assert.deepEqual(
      res.body.gebieden.map((g: { code: string }) => g.code),
      ['BU19160600', 'BU19160601'],
    );
    assert.deepEqual(res.body.paginering, { pagina: 2, paginaGrootte: 2, totaal: 5, aantalPaginas: 3 });
    assert.match(res.body._links.next.href, /pagina=3/);
    assert.match(res.body._links.prev.href, /pagina=1/);
    assert.match(res.body._links.last.href, /niveau=buurt&gemeente=GM1916&paginaGrootte=2&pagina=3/);
  });

  it('answers a repeated request carrying the ETag with 304', async () => {
    const first = await request(t.app).get('/api/v1/gebieden?niveau=wijk').expect(200);
    assert.ok(first.headers.etag);
    await request(t.app)
      .get('/api/v1/gebieden?niveau=wijk')
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
  });

  for (const [query, name] of [
    ['niveau=stadsdeel', 'niveau'],
    ['gemeente=1916', 'gemeente'],
    ['indeling=22', 'indeling'],
    ['indeling=2022abc', 'indeling'],
    ['zoek=', 'zoek'],
    ['pagina=0', 'pagina'],
    ['paginaGrootte=100000', 'paginaGrootte'],
    ['ouder=%3Cscript%3E', 'ouder'],
    ['niveau=buurt&niveau=wijk', 'niveau'],
    ['gemeent=GM1916', 'gemeent'],
  ] as const) {
    it(`refuses ${query} with 400 problem+json naming ${name}`, async () => {
      const res = await request(t.app).get(`/api/v1/gebieden?${query}`);
      assertProblem(res, 400, [name]);
    });
  }

  it('names every invalid parameter of one request', async () => {
    const res = await request(t.app).get('/api/v1/gebieden?niveau=x&indeling=y&foo=z');
    assertProblem(res, 400, ['foo', 'indeling', 'niveau']);
  });
});

describe('GET /api/v1/gebieden/{code}', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('gives a buurt with its wijk, gemeente and land as parents, nearest first', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/BU19160602').expect(200);
    assert.equal(res.body.naam, 'De Heuvel noord');
    assert.deepEqual(
      res.body.ouders.map((g: { code: string }) => g.code),
      ['WK191606', 'GM1916', 'NL00'],
    );
  });

  it('names the vintages in which a code is the same area, and leaves out a redrawn one (decision 0101)', async () => {
    // BU19160600 was all of De Heuvel in 2017 and only De Heuvel zuid in 2022.
    const redrawn = await request(t.app).get('/api/v1/gebieden/BU19160600').expect(200);
    assert.deepEqual(redrawn.body.indelingen, [2017, 2022]);
    assert.deepEqual(redrawn.body.zelfdeGebiedIn, [2022]);
    const kept = await request(t.app).get('/api/v1/gebieden/BU19160200').expect(200);
    assert.deepEqual(kept.body.zelfdeGebiedIn, kept.body.indelingen);
    assert.ok(kept.body.indelingen.length > 1);
  });

  it('gives a wijk with its buurten as children', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/WK191606').expect(200);
    assert.deepEqual(
      res.body.kinderen.map((g: { code: string }) => g.code),
      ['BU19160600', 'BU19160601', 'BU19160602'],
    );
  });

  it('defaults to the newest indeling that has the code and lists every indeling it exists in', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/BU19160600').expect(200);
    assert.equal(res.body.naam, 'De Heuvel zuid');
    assert.equal(res.body.indeling, 2022);
    assert.deepEqual(res.body.indelingen, [2017, 2022]);
  });

  it('gives the area as it was in an older indeling', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/BU19160600?indeling=2017').expect(200);
    assert.equal(res.body.naam, 'De Heuvel');
  });

  it('gives a programme area with its member buurten', async () => {
    const res = await request(t.app).get(`/api/v1/gebieden/${FIXTURE.programmeArea}`).expect(200);
    assert.equal(res.body.niveau, 'programmagebied');
    assert.deepEqual(
      res.body.leden.map((g: { code: string }) => g.code),
      ['BU19160200', 'BU19160602'],
    );
  });

  it('answers an unknown code with 404 problem+json', async () => {
    assertProblem(await request(t.app).get('/api/v1/gebieden/BU99999999'), 404);
  });

  it('answers a code that does not exist in the asked indeling with 404', async () => {
    assertProblem(await request(t.app).get('/api/v1/gebieden/BU19160602?indeling=2017'), 404);
  });

  it('refuses a malformed code with 400 naming code', async () => {
    assertProblem(await request(t.app).get('/api/v1/gebieden/%20x'), 400, ['code']);
  });

  it('refuses an unknown query key with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/gebieden/GM1916?jaar=2022'), 400, ['jaar']);
  });

  it('answers a repeated request carrying the ETag with 304', async () => {
    const first = await request(t.app).get('/api/v1/gebieden/GM1916').expect(200);
    await request(t.app).get('/api/v1/gebieden/GM1916').set('If-None-Match', first.headers.etag!).expect(304);
  });
});

describe('GET /api/v1/gebieden/{code}/voortgang', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('gives the targets set on a focus buurt with their judgements', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/BU19160200/voortgang').expect(200);
    assert.equal(res.body.gebied.code, 'BU19160200');
    assert.deepEqual(
      res.body.streefwaarden.flatMap((target: { horizonnen: { doel: { horizon: number } }[] }) =>
        target.horizonnen.map((h) => h.doel.horizon),
      ),
      [10, 20],
    );
  });

  it('answers an unknown area with 404', async () => {
    assertProblem(await request(t.app).get('/api/v1/gebieden/BU99999999/voortgang'), 404);
  });

  it('refuses a malformed indeling with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/gebieden/BU19160200/voortgang?indeling=x'), 400, [
      'indeling',
    ]);
  });
});
