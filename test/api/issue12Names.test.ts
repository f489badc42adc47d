// Issue 12 item 4: a programme names its gemeente and reference area, not only their codes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('programme names', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('gives the names of the gemeente and the reference area in the list and the detail', async () => {
    const list = await request(t.app).get('/api/v1/programmas').expect(200);
    const detail = await request(t.app).get(`/api/v1/programmas/${FIXTURE.programme}`).expect(200);
    for (const p of [list.body.programmas[0], detail.body]) {
      assert.equal(p.gemeente, 'GM1916');
      assert.equal(p.gemeenteNaam, 'Leidschendam-Voorburg');
      assert.equal(p.referentiegebiedNaam, 'Leidschendam-Voorburg');
    }
  });
});
