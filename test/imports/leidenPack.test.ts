// The Leiden data pack (geodata/packs/gm0546): the gemeente outline of 2022, its 10 wijken and 54
// buurten with the shapes of 2014 (5 buurten have none there) and their KWB 2024 figures.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { loadDataPacks, packsDir } from '../../server/imports/packs/dataPacks.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('the Leiden data pack', () => {
  let t: TestApp;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buurtpeil-gm0546-'));
  before(async () => {
    cpSync(path.join(packsDir, 'gm0546'), path.join(dir, 'gm0546'), { recursive: true });
    t = await createTestApp();
    await upsertIndicatorCatalogue(t.db);
    const results = await loadDataPacks(t.db, { actor: 'test', dir });
    assert.deepEqual(
      results.map((r) => [r.id, r.status, r.errors]),
      [['gm0546', 'geladen', []]],
    );
  });
  after(async () => {
    await t.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the gemeente, 10 wijken and 54 buurten; all but 5 buurten with a shape', async () => {
    const rows = await t.db
      .selectFrom('areas')
      .select('level')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('geometry').as('shaped')])
      .where('gemeente_code', '=', 'GM0546')
      .where('vintage', '=', 2022)
      .groupBy('level')
      .orderBy('level')
      .execute();
    assert.deepEqual(
      rows.map((row) => [row.level, Number(row.n), Number(row.shaped)]),
      [
        ['buurt', 54, 49],
        ['gemeente', 1, 1],
        ['wijk', 10, 10],
      ],
    );
  });

  it('keeps the PDOK 2022 outline of the gemeente, not one merged from the 2014 buurten', async () => {
    const gemeente = await t.db
      .selectFrom('areas')
      .select('source')
      .where('code', '=', 'GM0546')
      .executeTakeFirstOrThrow();
    assert.match(gemeente.source ?? '', /gemeente_2022_GM0546\.geojson/);
  });

  it('lists the wijken under their KWB 2024 names, with inwoners 2024, in the area index', async () => {
    const res = await request(t.app).get('/api/v1/gebieden?gemeente=GM0546&niveau=wijk').expect(200);
    const items = (res.body.items ?? res.body.gebieden ?? res.body) as { code: string; naam: string }[];
    assert.equal(items.length, 10);
    assert.ok(items.some((area) => area.code === 'WK054603' && area.naam === 'Leiden-Noord'));
    const inwoners = await t.db
      .selectFrom('observations')
      .select('value')
      .where('indicator_id', '=', 'inwoners')
      .where('area_code', '=', 'WK054603')
      .where('period', '=', '2024')
      .executeTakeFirstOrThrow();
    assert.ok(inwoners.value! > 0);
  });

  it('draws the wijken on the map: /geometrie/2022/wijk has a shape for each', async () => {
    const res = await request(t.app).get('/api/v1/geometrie/2022/wijk?gemeente=GM0546').expect(200);
    const features = res.body.features as { id: string; geometry: unknown }[];
    assert.equal(features.length, 10);
    assert.ok(features.every((feature) => feature.geometry !== null));
  });
});
