import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDataPacks } from '../../server/imports/packs/dataPacks.ts';
import { loadProgrammeDefinitions } from '../../server/imports/programme/programmeDefinition.ts';
import { refreshProgrammeAreaGeometries } from '../../server/imports/programme/programmeDefinitionGeometry.ts';
import { getProgrammeProgress } from '../../server/progress/progressService.ts';
import { relatedDirection } from '../../server/progress/relatedDirection.ts';
import { createImportTestDatabase } from '../imports/importTestSupport.ts';
import type { TestDatabase } from '../support/testDatabase.ts';

describe('relatedDirection (pure)', () => {
  it('reads the direction by the related indicator’s own polarity', () => {
    const pts = [
      { year: 2011, value: 6.24 },
      { year: 2023, value: 6.81 },
    ];
    assert.equal(relatedDirection(pts, 'lager_is_beter')?.direction, 'ongunstig');
    assert.equal(relatedDirection(pts, 'hoger_is_beter')?.direction, 'gunstig');
    assert.equal(relatedDirection(pts, 'neutraal')?.direction, 'gelijk');
  });
  it('is gelijk within 2% of the first value, or when the 95% intervals overlap', () => {
    assert.equal(
      relatedDirection(
        [
          { year: 2019, value: 58 },
          { year: 2023, value: 59 },
        ],
        'hoger_is_beter',
      )?.direction,
      'gelijk',
    );
    const survey = [
      { year: 2016, value: 76, low: 73, high: 79 },
      { year: 2020, value: 79, low: 77, high: 81 },
    ];
    assert.equal(relatedDirection(survey, 'hoger_is_beter')?.direction, 'gelijk');
  });
  it('needs two points', () => {
    assert.equal(relatedDirection([{ year: 2016, value: 1 }], 'hoger_is_beter'), null);
  });
});

describe('Sterk voor Noord on the GM1916 pack: each result row has a judged status or a related series', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
    await loadDataPacks(database.db, { actor: 'test' });
    await loadProgrammeDefinitions(database.db, 'test');
    await refreshProgrammeAreaGeometries(database.db);
  });
  after(() => database.destroy());

  it('names the series, the area it comes from, first and last year, and never as the status', async () => {
    const progress = await getProgrammeProgress(database.db, 'sterk-voor-noord');
    assert.ok(progress);
    const rows = new Map<string, (typeof progress.targets)[number]>();
    for (const t of progress.targets) rows.set(`${t.indicator.id}|${t.area.code}`, t);
    const indicators = new Set(progress.targets.map((t) => t.indicator.id));
    assert.equal(indicators.size, 6);
    for (const t of rows.values()) {
      const judged = t.horizons.some((h) => h.judgement.status !== 'onvoldoende_gegevens');
      assert.ok(judged || (t.related && t.related.points.length >= 2), `${t.indicator.id} ${t.area.code}`);
      // The related series never changes the target's own status.
      if (t.related) assert.ok(t.horizons.every((h) => h.judgement.status === 'onvoldoende_gegevens'));
    }
    const bijstand = rows.get('bijstand_huishoudens_pct|BU19160200')!.related!;
    assert.deepEqual(
      [bijstand.indicator.id, bijstand.area.code, bijstand.basis, bijstand.last.year, bijstand.direction],
      ['aandeel_inwoners_met_bijstand_pct', 'WK191602', 'wijk', 2023, 'ongunstig'],
    );
    assert.match(bijstand.explanation, /andere definitie.*niet als status van het doel/);
    assert.ok(bijstand.sources.every((s) => /ELAN\/LUMC wijkprofielen v7/.test(s)));
    const werk = rows.get('niet_werkend_werkzoekend_pct|BU19160200')!.related!;
    assert.deepEqual(
      [werk.indicator.id, werk.basis, werk.first, werk.last],
      [
        'netto_arbeidsparticipatie_pct',
        'zelfde gebied',
        { year: 2019, value: 58 },
        { year: 2023, value: 60 },
      ],
    );
    const schuld = rows.get('schuldhulpmaatje_hulpvragen|PG_LEIDSCHENDAM_NOORD')!.related!;
    assert.equal(schuld.basis, 'wijken van het programmagebied');
    assert.equal(schuld.area.code, 'WK191602+WK191606');
  });
});
