import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { loadDataDirectory } from '../../server/imports/loadDataDirectory.ts';
import { createLogger } from '../../server/logger.ts';
import { sharedDataDir } from '../support/sharedData.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

describe('start-up with BUURTPEIL_DATA_DIR on an empty database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await bootstrap({
      db: database.db,
      config: { ...readConfig({}), sourceDataDir: sharedDataDir },
      logger: createLogger('silent'),
    });
  });
  after(async () => {
    await database.destroy();
  });

  it('loads the GM1916 buurten, wijken and gemeente of both vintages', async () => {
    const rows = await database.db
      .selectFrom('areas')
      .select(['vintage', 'level'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('gemeente_code', '=', 'GM1916')
      .where('geometry', 'is not', null)
      .groupBy(['vintage', 'level'])
      .orderBy('vintage')
      .orderBy('level')
      .execute();
    assert.deepEqual(
      rows.map((row) => [row.vintage, row.level, Number(row.n)]),
      [
        [2017, 'buurt', 29],
        [2017, 'gemeente', 1],
        [2017, 'wijk', 12],
        [2022, 'buurt', 43],
        [2022, 'gemeente', 1],
        [2022, 'programmagebied', 1],
        [2022, 'wijk', 13],
      ],
    );
  });

  it('loads the KWB values of 2017 and 2024 and the programme', async () => {
    const value = async (indicator: string, code: string, period: string) =>
      (
        await database.db
          .selectFrom('observations')
          .select('value')
          .where('indicator_id', '=', indicator)
          .where('area_code', '=', code)
          .where('period', '=', period)
          .executeTakeFirst()
      )?.value;
    assert.equal(await value('inwoners', 'BU19160200', '2024'), 4670);
    assert.equal(await value('huishoudens_onder_of_rond_sociaal_minimum_pct', 'BU19160200', '2017'), 13.5);
    const targets = await database.db
      .selectFrom('targets')
      .select('id')
      .where('programme_id', '=', 'sterk-voor-noord')
      .execute();
    assert.equal(targets.length, 20);
  });

  it('changes nothing when the directory is loaded again', async () => {
    const summary = await loadDataDirectory(database.db, sharedDataDir, { actor: 'test' });
    assert.equal(summary.ok, true);
    assert.deepEqual(summary.missingFiles, []);
    for (const report of summary.reports) {
      assert.deepEqual([report.rowsNew, report.rowsCorrected], [0, 0], report.label);
      assert.ok(report.rowsUnchanged > 0);
    }
  });

  it('reports a directory without the expected files', async () => {
    const summary = await loadDataDirectory(database.db, '/nonexistent', { actor: 'test' });
    assert.equal(summary.ok, false);
    assert.equal(
      summary.errors.at(-1),
      'In /nonexistent staat geen van de verwachte bestanden (bijv. geometry/gm1916/buurten_2017_GM1916_rd.geojson).',
    );
  });
});
