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

  it('sums the counts of a programme area’s buurten for its profile, as progress does for shares', async () => {
    const members = (
      await t.db
        .selectFrom('area_members')
        .select('member_code')
        .where('area_code', '=', FIXTURE.programmeArea)
        .execute()
    ).map((m) => m.member_code);
    assert.ok(members.length > 1);
    // The fixture has inwoners for one member only; without the other there is no total.
    const before = await request(t.app)
      .get(`/api/v1/gebieden/${FIXTURE.programmeArea}/voortgang?indeling=2022`)
      .expect(200);
    assert.equal(
      before.body.ledenSommen.find((s: { indicatorId: string }) => s.indicatorId === FIXTURE.inwoners),
      undefined,
    );
    await t.db
      .insertInto('observations')
      .values({
        indicator_id: FIXTURE.inwoners,
        area_code: 'BU19160602',
        vintage: 2022,
        period: '2022',
        year: 2022,
        value: 1500,
        source: 'test',
      })
      .execute();
    const res = await request(t.app)
      .get(`/api/v1/gebieden/${FIXTURE.programmeArea}/voortgang?indeling=2022`)
      .expect(200);
    const inwoners = res.body.ledenSommen.find(
      (s: { indicatorId: string }) => s.indicatorId === FIXTURE.inwoners,
    );
    assert.ok(
      inwoners,
      JSON.stringify(res.body.ledenSommen.map((s: { indicatorId: string }) => s.indicatorId)),
    );
    const point = inwoners.reeks.at(-1);
    const obs = await request(t.app)
      .get(
        `/api/v1/waarnemingen?indicator=${FIXTURE.inwoners}&gebied=${members.join(',')}&periode=${point.periode}`,
      )
      .expect(200);
    const published = obs.body.waarnemingen.filter((o: { indeling: number }) => o.indeling === 2022);
    assert.equal(published.length, members.length);
    assert.equal(
      point.waarde,
      published.reduce((sum: number, o: { waarde: number }) => sum + o.waarde, 0),
    );
    assert.match(point.bron, /^Berekend: som van/);
    // A buurt has no member sums.
    const buurt = await request(t.app)
      .get(`/api/v1/gebieden/${members[0]}/voortgang?indeling=2022`)
      .expect(200);
    assert.deepEqual(buurt.body.ledenSommen, []);
  });

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
