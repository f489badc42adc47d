/**
 * Tile sets follow the boundaries they were made from (decisions 0117, 0111): a rollback of a
 * boundary import removes the tiles it made, and start-up rebuilds a tile set whose boundaries
 * changed by a path without the tile hook, not only a missing one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { importFile, rollbackImport } from '../../server/imports/importFile.ts';
import { buildMissingOrStaleTileSets } from '../../server/maptiles/buildTileSets.ts';
import { sharedFile } from '../support/sharedData.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

describe('tile sets follow the boundaries', () => {
  let database: TestDatabase;
  const importBoundaries = async (file: string, vintage: number) => {
    const report = await importFile(
      database.db,
      {
        kind: 'grenzen',
        fileName: file,
        bytes: readFileSync(sharedFile('geometry', 'gm1916', file)),
        actor: 'test',
        vintage,
      },
      { dryRun: false },
    );
    assert.ok(report.ok, JSON.stringify(report.errors));
    return report.importId!;
  };
  const tileSets = async (vintage: number) =>
    database.db
      .selectFrom('tile_sets')
      .select(['level', 'version', 'area_count'])
      .where('vintage', '=', vintage)
      .orderBy('level')
      .execute();
  const tileCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('boundary_tiles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    database = await createTestDatabase();
    await importBoundaries('buurten_2017_GM1916.geojson', 2017);
  });
  after(() => database?.destroy());

  it('a rollback of a boundary import removes the tile sets it made, and leaves the others', async () => {
    const kept = await tileSets(2017);
    const tilesOf2017 = await tileCount();
    const importId = await importBoundaries('buurten_2022_GM1916.geojson', 2022);
    assert.deepEqual(
      (await tileSets(2022)).map((set) => set.level),
      ['buurt', 'gemeente', 'wijk'],
    );
    assert.ok((await tileCount()) > tilesOf2017);

    await rollbackImport(database.db, importId, 'test');
    assert.deepEqual(await tileSets(2022), []);
    assert.equal(await tileCount(), tilesOf2017);
    assert.deepEqual(await tileSets(2017), kept);
  });

  it('start-up rebuilds a tile set whose boundaries changed without the hook, then nothing', async () => {
    assert.deepEqual(await buildMissingOrStaleTileSets(database.db), []);
    const [buurt] = (await tileSets(2017)).filter((set) => set.level === 'buurt');
    // One buurt removed by hand (no observations refer to it), one wijk redrawn by hand.
    const gone = await database.db
      .selectFrom('areas')
      .select('code')
      .where('vintage', '=', 2017)
      .where('level', '=', 'buurt')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await database.db.deleteFrom('areas').where('vintage', '=', 2017).where('code', '=', gone.code).execute();
    const wijk = await database.db
      .selectFrom('areas')
      .select('code')
      .where('vintage', '=', 2017)
      .where('level', '=', 'wijk')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [4.38, 52.07],
          [4.39, 52.07],
          [4.39, 52.08],
          [4.38, 52.08],
          [4.38, 52.07],
        ],
      ],
    };
    const wijkBefore = (await tileSets(2017)).find((set) => set.level === 'wijk')!;
    await database.db
      .updateTable('areas')
      .set({ geometry: JSON.stringify(square) })
      .where('vintage', '=', 2017)
      .where('code', '=', wijk.code)
      .execute();

    const rebuilt = await buildMissingOrStaleTileSets(database.db);
    assert.deepEqual(
      rebuilt.map((set) => `${set.vintage}/${set.level}`),
      ['2017/buurt', '2017/wijk'],
    );
    const after = await tileSets(2017);
    assert.equal(after.find((set) => set.level === 'buurt')!.area_count, buurt!.area_count - 1);
    assert.notEqual(after.find((set) => set.level === 'wijk')!.version, wijkBefore.version);
    assert.deepEqual(await buildMissingOrStaleTileSets(database.db), []);
  });

  it('a tile set made before fingerprints is checked once and kept when its boundaries are the same', async () => {
    const before = await tileSets(2017);
    await database.db.updateTable('tile_sets').set({ boundaries_fingerprint: null }).execute();
    assert.equal((await buildMissingOrStaleTileSets(database.db)).length, 3);
    assert.deepEqual(await tileSets(2017), before);
    assert.deepEqual(await buildMissingOrStaleTileSets(database.db), []);
  });
});
