import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { progressKeys } from '../../schemas/progressKeys.ts';
import { assertProblem, FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('GET /api/v1/programmas, /programmas/{id} and /programmas/{id}/voortgang', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('lists the programmes', async () => {
    const res = await request(t.app).get('/api/v1/programmas').expect(200);
    assert.equal(res.headers['api-version'], '2.1.0');
    assert.deepEqual(
      res.body.programmas.map((p: { id: string; gemeente: string }) => `${p.id} ${p.gemeente}`),
      [`${FIXTURE.programme} GM1916`],
    );
  });

  it('gives a programme with its focus areas under the plan’s own names', async () => {
    const res = await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}`).expect(200);
    assert.deepEqual(
      res.body.gebieden.map(
        (g: { code: string; label: string; rol: string }) => `${g.code} ${g.label} ${g.rol}`,
      ),
      [
        'BU19160200 Prinsenhof hoog focus',
        'BU19160602 Heuvel Noord focus',
        'PG1916LN L-Noord programmagebied',
      ],
    );
  });

  it('gives a programme’s targets with kind, plan text and baseline', async () => {
    const res = await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}`).expect(200);
    const twenty = res.body.streefwaarden.find((s: { horizon: number }) => s.horizon === 20);
    assert.equal(twenty.soort, 'referentieniveau');
    assert.equal(twenty.planTekst, '6% LV');
    assert.equal(twenty.referentiegebied, 'GM1916');
    assert.equal(twenty.streefjaar, 2041);
    assert.equal(twenty.basiswaarde, 17);
  });

  it('gives the progress of every target with its status and inputs', async () => {
    const res = await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}/voortgang`).expect(200);
    const [target] = res.body.streefwaarden;
    assert.equal(target.gebied.code, 'BU19160200');
    const ten = target.horizonnen.find((h: { doel: { horizon: number } }) => h.doel.horizon === 10);
    assert.equal(ten.oordeel.invoer.streefwaarde, 13.5);
    assert.equal(typeof ten.oordeel.status, 'string');
    assert.ok(Array.isArray(ten.oordeel.uitleg));
  });

  it('speaks Dutch: no key of the progress answer is one of the engine’s English names', async () => {
    const res = await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}/voortgang`).expect(200);
    const english = new Set(
      Object.keys(progressKeys).filter((key) => key !== progressKeys[key as keyof typeof progressKeys]),
    );
    const found = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          if (english.has(key)) found.add(key);
          walk(inner);
        }
    };
    walk(res.body);
    assert.deepEqual([...found], []);
    assert.ok(res.body.programma.naam);
    assert.ok(res.body.streefwaarden[0].horizonnen[0].oordeel.drempels);
  });

  it('judges as of the year asked for', async () => {
    const res = await request(t.app)
      .get(`/api/v1/programmas/${FIXTURE.programme}/voortgang?jaar=2021`)
      .expect(200);
    assert.equal(res.body.jaar, 2021);
    const ten = res.body.streefwaarden[0].horizonnen.find(
      (h: { doel: { horizon: number } }) => h.doel.horizon === 10,
    );
    assert.ok(ten.oordeel.jaar === null || ten.oordeel.jaar <= 2021);
  });

  it('never lets a suppressed value into the progress series', async () => {
    const res = await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}/voortgang`).expect(200);
    assert.doesNotMatch(res.text, new RegExp(String(FIXTURE.suppressedValue).replace('.', '\\.')));
  });

  it('answers an unknown programme with 404 problem+json', async () => {
    assertProblem(await request(t.app).get('/api/v1/programmas/bestaat-niet'), 404);
    assertProblem(await request(t.app).get('/api/v1/programmas/bestaat-niet/voortgang'), 404);
  });

  it('refuses a malformed programme id with 400 naming id', async () => {
    assertProblem(await request(t.app).get('/api/v1/programmas/Sterk%20voor%20Noord'), 400, ['id']);
  });

  it('refuses a malformed jaar with 400 naming jaar', async () => {
    assertProblem(
      await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}/voortgang?jaar=volgend`),
      400,
      ['jaar'],
    );
  });

  it('refuses unknown query keys with 400 naming them', async () => {
    assertProblem(await request(t.app).get('/api/v1/programmas?gemeente=GM1916'), 400, ['gemeente']);
    assertProblem(await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}?jaar=2022`), 400, [
      'jaar',
    ]);
  });

  it('answers repeated requests carrying the ETag with 304', async () => {
    for (const url of [
      '/api/v1/programmas',
      `/api/v1/programmas/${FIXTURE.programme}`,
      `/api/v1/programmas/${FIXTURE.programme}/voortgang`,
    ]) {
      const first = await request(t.app).get(url).expect(200);
      await request(t.app).get(url).set('If-None-Match', first.headers.etag!).expect(304);
    }
  });
});
