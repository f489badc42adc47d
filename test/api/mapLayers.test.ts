import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { vintageForPeriod } from '../../server/areas/vintageForPeriod.ts';
import { assertProblem, FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('GET /api/v1/kaartlagen/{indicator}', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  const layer = (query: string, indicator: string = FIXTURE.bijstand) =>
    request(t.app).get(`/api/v1/kaartlagen/${indicator}?${query}`);

  it('gives the value of every buurt of the gemeente for one period', async () => {
    const res = await layer('niveau=buurt&gemeente=GM1916&periode=2020').expect(200);
    assert.equal(res.headers['api-version'], '2.1.0');
    assert.equal(res.body.indeling, 2022);
    const byCode = new Map(res.body.waarden.map((w: { code: string }) => [w.code, w]));
    assert.deepEqual(byCode.get('BU19160602'), {
      code: 'BU19160602',
      waarde: 21,
      teller: 160,
      noemer: 762,
      status: 'geen_streefwaarde',
      statusLabel: 'geen streefwaarde',
      score: null,
      programma: null,
      streefwaarde: null,
    });
  });

  it('gives the same layer in columns (vorm=kolommen), smaller, revalidated by ETag', async () => {
    const rows = (await layer('gemeente=GM1916&periode=2020').expect(200)).body;
    const res = await layer('gemeente=GM1916&periode=2020&vorm=kolommen').expect(200);
    const k = res.body.kolommen;
    assert.equal(res.body.waarden, undefined);
    assert.deepEqual(
      k.codes,
      rows.waarden.map((w: { code: string }) => w.code),
    );
    const i = k.codes.indexOf(FIXTURE.suppressedArea);
    assert.equal(k.geheim[i], 'te_klein');
    assert.equal(k.waarden[i], null);
    const j = k.codes.indexOf('BU19160602');
    assert.deepEqual(
      [k.waarden[j], k.tellers[j], k.noemers[j], k.statussen[j]],
      [21, 160, 762, 'geen_streefwaarde'],
    );
    assert.ok(res.text.length < JSON.stringify(rows).length, 'columns are smaller than rows');
    await layer('gemeente=GM1916&periode=2020&vorm=kolommen')
      .set('If-None-Match', res.headers.etag!)
      .expect(304);
  });

  it('marks a suppressed buurt geheim with the reason and no figures', async () => {
    const res = await layer('gemeente=GM1916&periode=2020').expect(200);
    const suppressed = res.body.waarden.find((w: { code: string }) => w.code === FIXTURE.suppressedArea);
    assert.equal(suppressed.geheim, 'te_klein');
    assert.equal(suppressed.waarde, null);
    assert.equal(suppressed.teller, null);
    assert.equal(suppressed.noemer, null);
  });

  it('gives the status against the gemeente’s programme target for the horizon asked', async () => {
    const res = await layer('gemeente=GM1916&periode=2022&horizon=10').expect(200);
    assert.equal(res.body.programma, FIXTURE.programme);
    const focus = res.body.waarden.find((w: { code: string }) => w.code === 'BU19160200');
    assert.notEqual(focus.status, 'geen_streefwaarde');
    assert.equal(typeof focus.statusLabel, 'string');
  });

  it('gives programme, target and status without a gemeente too (every programme’s targets)', async () => {
    const filtered = await layer('gemeente=GM1916&periode=2022&horizon=10').expect(200);
    const res = await layer('periode=2022&horizon=10').expect(200);
    assert.equal(res.body.gemeente, null);
    assert.equal(res.body.programma, FIXTURE.programme, 'the only programme with targets in the layer');
    const byCode = (body: { waarden: Array<{ code: string }> }) =>
      new Map(body.waarden.map((w) => [w.code, w]));
    const focus = byCode(res.body).get('BU19160200') as Record<string, unknown>;
    assert.equal(focus.programma, FIXTURE.programme);
    assert.equal(focus.streefwaarde, 13.5);
    assert.notEqual(focus.status, 'geen_streefwaarde');
    assert.deepEqual(focus, byCode(filtered.body).get('BU19160200'), 'the same reading as with gemeente=');
  });

  it('draws a 2017 period in the 2017 indeling', async () => {
    const res = await layer('gemeente=GM1916&periode=2017').expect(200);
    assert.equal(res.body.indeling, 2017);
    assert.deepEqual(
      res.body.waarden.map((w: { code: string; waarde: number }) => [w.code, w.waarde]),
      [['BU19160200', 18.5]],
    );
  });

  it('gives the gemeente level', async () => {
    const res = await layer('niveau=gemeente&gemeente=GM1916&periode=2020').expect(200);
    assert.deepEqual(
      res.body.waarden.map((w: { code: string }) => w.code),
      ['GM1916'],
    );
  });

  it('gives every buurt in the country without a gemeente', async () => {
    const res = await layer('periode=2022', FIXTURE.inwoners).expect(200);
    assert.equal(res.body.gemeente, null);
    assert.equal(res.body.waarden.length, 2);
  });

  it('answers a repeated request carrying the ETag with 304', async () => {
    const first = await layer('gemeente=GM1916&periode=2020').expect(200);
    await layer('gemeente=GM1916&periode=2020').set('If-None-Match', first.headers.etag!).expect(304);
  });

  it('answers an unknown indicator with 404', async () => {
    assertProblem(await layer('periode=2020', 'bestaat_niet'), 404);
  });

  it('answers an unknown programme with 404', async () => {
    assertProblem(await layer('periode=2020&programma=bestaat-niet'), 404);
  });

  it('requires periode', async () => {
    assertProblem(await layer('gemeente=GM1916'), 400, ['periode']);
  });

  for (const [query, name] of [
    ['periode=22', 'periode'],
    ['periode=2020&niveau=stad', 'niveau'],
    ['periode=2020&gemeente=Leidschendam', 'gemeente'],
    ['periode=2020&horizon=15', 'horizon'],
    ['periode=2020&programma=Sterk_voor_Noord', 'programma'],
    ['periode=2020&indeling=0', 'indeling'],
    ['periode=2020&jaar=2020', 'jaar'],
  ] as const) {
    it(`refuses ${query} with 400 problem+json naming ${name}`, async () => {
      assertProblem(await layer(query), 400, [name]);
    });
  }

  it('refuses a malformed indicator id with 400 naming indicator', async () => {
    assertProblem(await layer('periode=2020', '%3Cx%3E'), 400, ['indicator']);
  });
});

describe('the period → indeling mapping', () => {
  it('maps 2018 (and earlier) to the 2017 indeling and 2019 onwards to 2022, as the importers do', () => {
    assert.deepEqual(
      ['2015', '2017', '2018', '2019', '2020', '2024', '2030', '2016-2020', '2018H2', '2019H1'].map(
        vintageForPeriod,
      ),
      [2017, 2017, 2017, 2022, 2022, 2022, 2022, 2022, 2017, 2022],
    );
  });
});

describe('GET /api/v1/geometrie/{indeling}/{niveau}', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('gives a GeoJSON FeatureCollection with code and naam per feature', async () => {
    const res = await request(t.app).get('/api/v1/geometrie/2022/buurt?gemeente=GM1916').expect(200);
    assert.match(res.headers['content-type'] ?? '', /application\/geo\+json/);
    const body = JSON.parse(res.text);
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.features.length, 5);
    const feature = body.features.find((f: { id: string }) => f.id === 'BU19160200');
    assert.deepEqual(feature.properties, { code: 'BU19160200', naam: 'Prinsenhof hoog' });
    assert.equal(feature.geometry.type, 'MultiPolygon');
  });

  it('gives every area as a MultiPolygon, so a GIS layer has one geometry type', async () => {
    for (const url of [
      '/api/v1/geometrie/2022/buurt',
      '/api/v1/geometrie/2017/buurt',
      '/api/v1/geometrie/2022/wijk',
    ]) {
      const body = JSON.parse((await request(t.app).get(url).expect(200)).text);
      const types = new Set(
        body.features.map((f: { geometry: { type: string } | null }) => f.geometry?.type),
      );
      types.delete(undefined);
      assert.deepEqual([...types], ['MultiPolygon'], url);
    }
  });

  it('keeps coordinates in WGS84 lon/lat order with a bbox', async () => {
    const body = JSON.parse((await request(t.app).get('/api/v1/geometrie/2022/buurt').expect(200)).text);
    const [lon, lat] = body.features[0].geometry.coordinates[0][0][0];
    assert.ok(lon > 3 && lon < 8 && lat > 50 && lat < 54, `${lon},${lat} is not in the Netherlands`);
    assert.equal(body.bbox.length, 4);
  });

  it('may be cached for a day and revalidated with its ETag', async () => {
    const url = '/api/v1/geometrie/2017/buurt?gemeente=GM1916';
    const first = await request(t.app).get(url).expect(200);
    assert.equal(first.headers['cache-control'], 'public, max-age=86400');
    assert.ok(first.headers.etag);
    await request(t.app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
  });

  it('answers an indeling without areas with 404', async () => {
    assertProblem(await request(t.app).get('/api/v1/geometrie/1999/buurt'), 404);
  });

  it('refuses a malformed indeling and niveau with 400 naming both', async () => {
    assertProblem(await request(t.app).get('/api/v1/geometrie/22/buurten'), 400, ['indeling', 'niveau']);
  });

  it('refuses a malformed gemeente with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/geometrie/2022/buurt?gemeente=1916'), 400, ['gemeente']);
  });
});
