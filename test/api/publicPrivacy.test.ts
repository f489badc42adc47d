import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { FIXTURE, type Fixture, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// No public response names a person: whoever corrected, imported or rolled back a value is known
// to beheer (audit log), never to a reader of the open API.

const PERSON = 'petra.devries';

describe('public responses name no person', () => {
  let t: TestApp;
  let fixture: Fixture;
  before(async () => {
    t = await createTestApp();
    fixture = await loadFixtures(t.db);
    // Every place a person's name is stored beside the data gets one.
    await t.db.updateTable('observation_revisions').set({ replaced_by: PERSON }).execute();
    await t.db.updateTable('imports').set({ actor: PERSON }).execute();
  });
  after(() => t.destroy());

  it('the history of a corrected value says which import replaced it, not who', async () => {
    const id = fixture.observationIds[`${FIXTURE.bijstand}/BU19160200/2020`]!;
    const res = await request(t.app).get(`/api/v1/waarnemingen/${id}/historie`).expect(200);
    assert.equal(res.body.historie.length, 1);
    assert.ok(!('vervangenDoor' in res.body.historie[0]), 'vervangenDoor is gone');
    assert.ok(!JSON.stringify(res.body).includes(PERSON));
  });

  it('no public endpoint carries the name', async () => {
    const id = fixture.observationIds[`${FIXTURE.bijstand}/BU19160200/2020`]!;
    const paths = [
      '/api/v1/gebieden',
      `/api/v1/gebieden/${FIXTURE.buurten2022[0]}`,
      `/api/v1/gebieden/${FIXTURE.buurten2022[0]}/voortgang`,
      '/api/v1/indicatoren',
      `/api/v1/indicatoren/${FIXTURE.bijstand}`,
      '/api/v1/waarnemingen?paginaGrootte=500',
      `/api/v1/waarnemingen/${id}`,
      `/api/v1/waarnemingen/${id}/historie`,
      '/api/v1/programmas',
      `/api/v1/programmas/${FIXTURE.programme}`,
      `/api/v1/programmas/${FIXTURE.programme}/voortgang`,
      `/api/v1/kaartlagen/${FIXTURE.bijstand}`,
      '/api/v1/exports/waarnemingen.csv',
      `/api/v1/exports/kaartlaag.geojson?indicator=${FIXTURE.bijstand}`,
      '/api/v1/openapi.json',
    ];
    for (const path of paths) {
      const res = await request(t.app).get(path);
      assert.ok(res.status < 500, `${path} answered ${res.status}`);
      assert.ok(!res.text.includes(PERSON), `${path} names the person who corrected or imported`);
    }
  });
});
