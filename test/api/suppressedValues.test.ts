import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { FIXTURE, type Fixture, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The suppressed fixture values (5 / 320 = 1,5625 and its earlier 7 / 320 = 2,1875) are distinctive
// enough to look for as text: they must not appear in any output, in any notation.
const forbidden = [FIXTURE.suppressedValue, FIXTURE.suppressedRevisionValue].flatMap((value) => [
  String(value),
  String(value).replace('.', ','),
]);

describe('a value below its indicator’s disclosure rule', () => {
  let t: TestApp;
  let fixture: Fixture;
  before(async () => {
    t = await createTestApp();
    fixture = await loadFixtures(t.db);
  });
  after(() => t.destroy());

  const outputs = () => {
    const id = fixture.observationIds[`${FIXTURE.bijstand}/${FIXTURE.suppressedArea}/2020`];
    const b = FIXTURE.bijstand;
    return [
      `/api/v1/waarnemingen?indicator=${b}`,
      `/api/v1/waarnemingen?gebied=${FIXTURE.suppressedArea}`,
      `/api/v1/waarnemingen/${id}`,
      `/api/v1/waarnemingen/${id}/historie`,
      `/api/v1/kaartlagen/${b}?gemeente=GM1916&periode=2020`,
      `/api/v1/kaartlagen/${b}?periode=2020`,
      `/api/v1/programmas/${FIXTURE.programme}/voortgang`,
      `/api/v1/programmas/${FIXTURE.programme}/voortgang?jaar=2020`,
      `/api/v1/gebieden/${FIXTURE.suppressedArea}/voortgang`,
      `/api/v1/gebieden/${FIXTURE.programmeArea}/voortgang`,
      '/api/v1/exports/waarnemingen.csv?dialect=excel',
      '/api/v1/exports/waarnemingen.csv?dialect=standaard',
      `/api/v1/exports/waarnemingen.csv?dialect=standaard&programma=${FIXTURE.programme}`,
      `/api/v1/exports/kaartlaag.geojson?indicator=${b}&periode=2020&gemeente=GM1916`,
    ];
  };

  it('appears in no output of the API, the map layer, the progress or the exports', async () => {
    for (const url of outputs()) {
      const res = await request(t.app).get(url).buffer(true);
      assert.equal(res.status, 200, url);
      const text = res.text ?? String(res.body);
      for (const value of forbidden) assert.ok(!text.includes(value), `${url} contains ${value}`);
    }
  });
});
