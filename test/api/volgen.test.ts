import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { loadDataPacks } from '../../server/imports/packs/dataPacks.ts';
import { loadProgrammeDefinitions } from '../../server/imports/programme/programmeDefinition.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Issue 8, item 7: the plan's monitoring indicators (no targets) in their own "Volgen" list of
// GET /programmas/:id/voortgang, on the real GM1916 pack.

type Volg = {
  indicator: { id: string; bron: string };
  label: string | null;
  verwant: { id: string; naam: string; uitleg: string } | null;
  bronnen: string[];
  geenCijfers: string | null;
  gebieden: {
    gebied: { code: string; label: string | null };
    eerste: { jaar: number; waarde: number } | null;
    laatste: { jaar: number; waarde: number } | null;
    richting: string | null;
    reden: string | null;
    wijk: { code: string; jaar: number; waarde: number } | null;
    gemeente: { code: string; jaar: number; waarde: number } | null;
    nederland: { code: string; jaar: number; waarde: number } | null;
  }[];
};

describe('Volgen: monitoring indicators per focus area on the GM1916 pack', () => {
  let t: TestApp;
  let volgen: Volg[];
  before(async () => {
    t = await createTestApp();
    await upsertIndicatorCatalogue(t.db);
    await loadDataPacks(t.db, { actor: 'test' });
    await loadProgrammeDefinitions(t.db, 'test');
    volgen = (await request(t.app).get('/api/v1/programmas/sterk-voor-noord/voortgang').expect(200)).body
      .volgen;
  });
  after(() => t.destroy());

  it('lists the three monitoring indicators of the plan, in its order, each with the four focus areas', () => {
    assert.deepEqual(
      volgen.map((v) => v.indicator.id),
      ['vrijwilligerswerk_pct', 'meedoen_pct', 'arbeidsparticipatie_20_64_pct'],
    );
    for (const v of volgen)
      assert.deepEqual(
        v.gebieden.map((g) => g.gebied.code),
        ['BU19160200', 'BU19160602', 'WK191602', 'WK191606'],
      );
  });

  it('arbeidsparticipatie: the related CBS series, labelled another definition, 58 (2019) → 60 (2023)', () => {
    const v = volgen.find((x) => x.indicator.id === 'arbeidsparticipatie_20_64_pct')!;
    assert.equal(v.geenCijfers, null);
    assert.equal(v.verwant?.id, 'netto_arbeidsparticipatie_pct');
    assert.match(v.verwant!.uitleg, /andere definitie/);
    assert.ok(v.bronnen.some((b) => /CBS 86089NED/.test(b)));
    const prinsenhofHoog = v.gebieden.find((g) => g.gebied.code === 'BU19160200')!;
    assert.deepEqual(prinsenhofHoog.eerste, { jaar: 2019, waarde: 58 });
    assert.deepEqual(prinsenhofHoog.laatste, { jaar: 2023, waarde: 60 });
    assert.equal(prinsenhofHoog.richting, 'gunstig');
    assert.deepEqual(prinsenhofHoog.wijk, { code: 'WK191602', naam: 'Prinsenhof', jaar: 2023, waarde: 61 });
    assert.deepEqual(prinsenhofHoog.gemeente, {
      code: 'GM1916',
      naam: 'Leidschendam-Voorburg',
      jaar: 2023,
      waarde: 69,
    });
    assert.equal(prinsenhofHoog.nederland?.code, 'NL00');
    assert.equal(prinsenhofHoog.nederland?.jaar, 2023);
    assert.equal(prinsenhofHoog.nederland?.waarde, 71);
    // A wijk row has no wijk beside it.
    const prinsenhof = v.gebieden.find((g) => g.gebied.code === 'WK191602')!;
    assert.equal(prinsenhof.wijk, null);
    assert.deepEqual(prinsenhof.eerste, { jaar: 2019, waarde: 59 });
    assert.deepEqual(prinsenhof.laatste, { jaar: 2023, waarde: 61 });
  });

  it('?jaar= cuts the list like the judgements: as of 2021 the latest is 2021', async () => {
    const body = (
      await request(t.app).get('/api/v1/programmas/sterk-voor-noord/voortgang?jaar=2021').expect(200)
    ).body;
    const v = (body.volgen as Volg[]).find((x) => x.indicator.id === 'arbeidsparticipatie_20_64_pct')!;
    const row = v.gebieden.find((g) => g.gebied.code === 'BU19160200')!;
    assert.deepEqual(row.laatste, { jaar: 2021, waarde: 57 });
    assert.equal(row.gemeente?.jaar, 2021);
  });

  it('a figure withheld by secondary suppression is not shown: the latest becomes the year before', async () => {
    const withhold = (withheld: boolean) =>
      t.db
        .updateTable('observations')
        .set({ withheld })
        .where('indicator_id', '=', 'netto_arbeidsparticipatie_pct')
        .where('area_code', '=', 'BU19160200')
        .where('year', '=', 2023)
        .execute();
    await withhold(true);
    try {
      const body = (await request(t.app).get('/api/v1/programmas/sterk-voor-noord/voortgang').expect(200))
        .body;
      const v = (body.volgen as Volg[]).find((x) => x.indicator.id === 'arbeidsparticipatie_20_64_pct')!;
      const row = v.gebieden.find((g) => g.gebied.code === 'BU19160200')!;
      assert.deepEqual(row.laatste, { jaar: 2022, waarde: 59 });
    } finally {
      await withhold(false);
    }
  });

  it('vrijwilligerswerk and meedoen: "nog geen cijfers" with the source to load, no values', () => {
    for (const id of ['vrijwilligerswerk_pct', 'meedoen_pct']) {
      const v = volgen.find((x) => x.indicator.id === id)!;
      assert.equal(v.verwant, null);
      assert.match(
        v.geenCijfers ?? '',
        /^Nog geen cijfers voor .+\. Te laden uit: Gemeente, Wijkatlas \(enquête\)\.$/,
      );
      for (const g of v.gebieden) {
        assert.equal(g.laatste, null);
        assert.equal(g.richting, null);
      }
    }
  });

  it('shows the indicator’s own figures, not the related series, once it has them', async () => {
    await t.db
      .insertInto('observations')
      .values(
        [2020, 2024].map((year, i) => ({
          indicator_id: 'arbeidsparticipatie_20_64_pct',
          area_code: 'BU19160200',
          vintage: 2022,
          period: String(year),
          year,
          value: [61, 64][i]!,
          source: 'test: gemeente',
        })),
      )
      .execute();
    const body = (await request(t.app).get('/api/v1/programmas/sterk-voor-noord/voortgang').expect(200)).body;
    const v = (body.volgen as Volg[]).find((x) => x.indicator.id === 'arbeidsparticipatie_20_64_pct')!;
    assert.equal(v.verwant, null);
    assert.deepEqual(v.bronnen, ['test: gemeente']);
    const row = v.gebieden.find((g) => g.gebied.code === 'BU19160200')!;
    assert.deepEqual(row.eerste, { jaar: 2020, waarde: 61 });
    assert.deepEqual(row.laatste, { jaar: 2024, waarde: 64 });
    assert.equal(row.richting, 'gunstig');
  });
});
