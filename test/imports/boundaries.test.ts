import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Polygon, Position } from 'geojson';
import { parseBoundaries } from '../../server/imports/boundaries/parseBoundaries.ts';
import { detectCrs, rdPointToWgs84 } from '../../server/imports/boundaries/reproject.ts';
import { formatRowError } from '../../server/imports/importFile.ts';
import { writeAreas } from '../../server/imports/writeAreas.ts';
import { sharedFile } from '../support/sharedData.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, fixtureBytes, importBytes, tableCounts } from './importTestSupport.ts';

const text = (name: string) => new TextDecoder().decode(fixtureBytes(name));

describe('grenzen: pure parsing', () => {
  it('reprojects RD New to WGS84 with the datum shift (matches the PDOK conversion within 1e-6°)', () => {
    const [lon, lat] = rdPointToWgs84([86847, 456946]) as [number, number];
    assert.ok(Math.abs(lon - 4.392596) < 1e-6);
    assert.ok(Math.abs(lat - 52.096564) < 1e-6);
  });

  it('detects the coordinate system from the crs member or the coordinate range', () => {
    assert.equal(detectCrs('urn:ogc:def:crs:EPSG::28992', [4.3, 52.1]), 'rd');
    assert.equal(detectCrs(undefined, [86847, 456946]), 'rd');
    assert.equal(detectCrs(undefined, [4.39, 52.09]), 'wgs84');
    assert.equal(detectCrs('urn:ogc:def:crs:OGC:1.3:CRS84', undefined), 'wgs84');
    assert.equal(detectCrs(undefined, [2_000_000, 9_000_000]), undefined);
  });

  it('derives wijken and the gemeente from buurten and keeps shared borders shared', () => {
    const parsed = parseBoundaries(text('buurten_2022_proef_rd.geojson'), {
      fileName: 'buurten_2022_proef_rd.geojson',
    });
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.crs, 'rd');
    assert.equal(parsed.vintage, 2022);
    const byLevel = (level: string) =>
      parsed.areas
        .filter((area) => area.level === level)
        .map((area) => area.code)
        .sort();
    assert.deepEqual(byLevel('buurt'), ['BU99990100', 'BU99990101', 'BU99990200', 'BU99990201']);
    assert.deepEqual(byLevel('wijk'), ['WK999901', 'WK999902']);
    assert.deepEqual(byLevel('gemeente'), ['GM9999']);
    const westwijk = parsed.areas.find((area) => area.code === 'WK999901')!;
    assert.equal(westwijk.name, 'Westwijk');
    assert.equal(westwijk.parentCode, 'GM9999');
    assert.equal(westwijk.derived, true);

    // Collinear mid-edge vertices are gone, corners stay, coordinates have at most 6 decimals.
    const noordhoek = parsed.areas.find((area) => area.code === 'BU99990100')!.geometry as Polygon;
    assert.equal(noordhoek.coordinates[0]!.length, 5);
    for (const [lon, lat] of noordhoek.coordinates[0]! as [number, number][]) {
      assert.equal(Math.round(lon * 1e6) / 1e6, lon);
      assert.equal(Math.round(lat * 1e6) / 1e6, lat);
    }
    // The border Noordhoek shares with Oosthoek has exactly the same vertices in both.
    const oosthoek = parsed.areas.find((area) => area.code === 'BU99990200')!.geometry as Polygon;
    const key = (position: Position) => position.join(',');
    const shared = noordhoek.coordinates[0]!.map(key).filter((point) =>
      oosthoek.coordinates[0]!.map(key).includes(point),
    );
    assert.equal(new Set(shared).size, 2);
    // The gemeente outline is merged from the same arcs: 4 corners and the 4 points where inner
    // borders meet the outline (arc ends are never simplified away), plus the closing point.
    const gemeente = parsed.areas.find((area) => area.code === 'GM9999')!.geometry as Polygon;
    assert.equal(gemeente.type, 'Polygon');
    assert.equal(gemeente.coordinates[0]!.length, 9);
    for (const point of noordhoek.coordinates[0]!.slice(0, 4)) {
      const onOutline = gemeente.coordinates[0]!.some(
        (corner) => corner[0] === point[0] && corner[1] === point[1],
      );
      const isCentre =
        oosthoek.coordinates[0]!.some((p) => p[0] === point[0] && p[1] === point[1]) && !onOutline;
      assert.ok(
        onOutline || isCentre,
        `vertex ${point} of Noordhoek is on the gemeente outline or the inner junction`,
      );
    }
  });

  it('reads statcode/statnaam files without a crs member, vintage from the file name', () => {
    const parsed = parseBoundaries(text('buurten_2019_statcode_rd.geojson'), {
      fileName: 'buurten_2019_statcode_rd.geojson',
    });
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.vintage, 2019);
    assert.equal(parsed.crs, 'rd');
    assert.equal(parsed.areas.find((area) => area.code === 'BU99990101')?.name, 'Zuidhoek');
    // No wijknaam in the file: the write step gives these a name later.
    assert.equal(parsed.areas.find((area) => area.code === 'WK999902')?.name, null);
  });

  it('stores an area published as a MultiPolygon without parts, as CBS does for two 2014 buurten, without a shape', () => {
    const parsed = parseBoundaries(
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"buurtcode":"BU15810109","buurtnaam":"Leeg"},"geometry":{"type":"MultiPolygon","coordinates":[]}},{"type":"Feature","properties":{"buurtcode":"BU15810101"},"geometry":{"type":"Polygon","coordinates":[[[5.3,52.1],[5.31,52.1],[5.31,52.11],[5.3,52.1]]]}}]}',
      { fileName: 'buurten_2014.geojson' },
    );
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.areas.find((area) => area.code === 'BU15810109')?.geometry, null);
    assert.ok(parsed.areas.find((area) => area.code === 'BU15810101')?.geometry);
  });

  it('reports what is wrong with a bad file', () => {
    const message = (input: string, fileName = 'grenzen_2022.geojson') =>
      parseBoundaries(input, { fileName }).errors.map(formatRowError);
    assert.deepEqual(message(''), ['Het bestand is leeg.']);
    assert.match(message('{"type": "Feature')[0]!, /^Het bestand is geen geldige GeoJSON: /);
    assert.deepEqual(message('{"type":"FeatureCollection","features":[]}'), [
      'Het bestand bevat geen gebieden (geen features).',
    ]);
    assert.deepEqual(
      message(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"x"},"geometry":{"type":"Polygon","coordinates":[[[4.3,52.1],[4.31,52.1],[4.31,52.11],[4.3,52.1]]]}}]}',
      ),
      [
        'Kolom code: Gebied 1: geen CBS-gebiedscode gevonden (verwacht een eigenschap als buurtcode, wijkcode, gemeentecode of statcode).',
      ],
    );
    assert.deepEqual(
      message(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"buurtcode":"BU99990100"},"geometry":{"type":"Point","coordinates":[4000000,9000000]}}]}',
      ),
      ['Het coördinatenstelsel is onbekend: verwacht RD New (EPSG:28992) of WGS84 (EPSG:4326).'],
    );
    assert.deepEqual(
      message(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"buurtcode":"BU99990100"},"geometry":null}]}',
        'buurten.geojson',
      ),
      [
        'Het jaar van de gebiedsindeling is onbekend: noem het in de bestandsnaam (bijv. buurten_2022) of geef het op (--indeling 2022).',
      ],
    );
  });
});

describe('grenzen: import into the database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
  });
  after(async () => {
    await database.destroy();
  });

  it('stores the hand-made buurten with derived wijken and gemeente, and the same file twice changes nothing', async () => {
    const first = await importBytes(
      database,
      'grenzen',
      'buurten_2022_proef_rd.geojson',
      fixtureBytes('buurten_2022_proef_rd.geojson'),
    );
    assert.equal(first.ok, true);
    assert.equal(first.rowsNew, 7);
    const record = await database.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', first.importId!)
      .executeTakeFirstOrThrow();
    assert.equal(record.file_hash, first.fileHash);
    assert.equal(record.rows_new, 7);
    assert.equal(record.status, 'gelukt');

    const before = await tableCounts(database);
    const again = await importBytes(
      database,
      'grenzen',
      'buurten_2022_proef_rd.geojson',
      fixtureBytes('buurten_2022_proef_rd.geojson'),
    );
    assert.equal(again.ok, true);
    assert.deepEqual([again.rowsNew, again.rowsCorrected, again.rowsUnchanged], [0, 0, 7]);
    const afterCounts = await tableCounts(database);
    assert.equal(afterCounts.areas, before.areas);
  });

  it('re-writing an area without a shape is unchanged and keeps its import id (D13)', async () => {
    const stub = {
      code: 'WK999909',
      vintage: 2022,
      level: 'wijk' as const,
      name: 'Zonder vorm',
      parentCode: null,
      gemeenteCode: 'GM9999',
      geometry: null,
      bbox: null,
      derived: false,
    };
    const first = await writeAreas(database.db, [stub], null, 'test');
    assert.equal(first.rowsNew, 1);
    const again = await writeAreas(database.db, [stub], 999, 'test');
    assert.deepEqual([again.rowsNew, again.rowsCorrected, again.rowsUnchanged], [0, 0, 1]);
    const row = await database.db
      .selectFrom('areas')
      .select('import_id')
      .where('code', '=', 'WK999909')
      .executeTakeFirstOrThrow();
    assert.equal(row.import_id, null);
  });

  it('refuses an invalid file and writes nothing', async () => {
    const before = await tableCounts(database);
    const report = await importBytes(
      database,
      'grenzen',
      'kapot_2022.geojson',
      new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
    );
    assert.equal(report.ok, false);
    assert.deepEqual(report.errors.map(formatRowError), ['Het bestand bevat geen gebieden (geen features).']);
    assert.deepEqual(await tableCounts(database), before);
  });

  it('loads the real GM1916 files: 43 buurten and 13 wijken in 2022, 29 buurten and 12 wijken in 2017, the gemeente in both', async () => {
    for (const [file, vintage] of [
      ['buurten_2022_GM1916_rd.geojson', 2022],
      ['buurten_2017_GM1916.geojson', 2017],
    ] as const) {
      const report = await importBytes(
        database,
        'grenzen',
        file,
        readFileSync(sharedFile('geometry', 'gm1916', file)),
      );
      assert.equal(report.ok, true, report.errors.map(formatRowError).join('\n'));
      assert.equal(report.vintage, vintage);
    }
    const count = async (vintage: number, level: 'buurt' | 'wijk' | 'gemeente') =>
      (
        await database.db
          .selectFrom('areas')
          .select('code')
          .where('vintage', '=', vintage)
          .where('level', '=', level)
          .where('gemeente_code', '=', 'GM1916')
          .execute()
      ).length;
    assert.equal(await count(2022, 'buurt'), 43);
    assert.equal(await count(2022, 'wijk'), 13);
    assert.equal(await count(2022, 'gemeente'), 1);
    assert.equal(await count(2017, 'buurt'), 29);
    assert.equal(await count(2017, 'wijk'), 12);
    assert.equal(await count(2017, 'gemeente'), 1);

    const prinsenhof = await database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', 'BU19160200')
      .where('vintage', '=', 2022)
      .executeTakeFirstOrThrow();
    assert.equal(prinsenhof.name, 'Prinsenhof hoog');
    assert.equal(prinsenhof.parent_code, 'WK191602');
    const [minLon, minLat, maxLon, maxLat] = prinsenhof.bbox!;
    assert.ok(minLon > 4.3 && maxLon < 4.5 && minLat > 52.0 && maxLat < 52.2, `bbox ${prinsenhof.bbox}`);
    const wijk = await database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', 'WK191606')
      .where('vintage', '=', 2022)
      .executeTakeFirstOrThrow();
    assert.equal(wijk.name, 'De Heuvel / Amstelwijk');
    // 2017 wijk names are not in the files; CBS's own style for an unnamed wijk is used.
    const wijk2017 = await database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', 'WK191609')
      .where('vintage', '=', 2017)
      .executeTakeFirstOrThrow();
    assert.equal(wijk2017.name, 'Wijk 09');
  });
});
