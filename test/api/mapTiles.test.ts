import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import request from 'supertest';
import { importFile } from '../../server/imports/importFile.ts';
import { buildMissingOrStaleTileSets } from '../../server/maptiles/buildTileSets.ts';
import { assertProblem } from '../support/fixtures.ts';
import { sharedFile } from '../support/sharedData.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

/** The tile (x, y) that holds a lon/lat point at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

function decode(body: Buffer) {
  const layer = new VectorTile(new PbfReader(body)).layers.gebieden!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

/** Share of ring edges that a neighbour has too (reversed): 0 when every area is thinned on its own. */
function sharedEdgeShare(features: ReturnType<typeof decode>): number {
  const edges = new Map<string, number>();
  for (const feature of features) {
    for (const ring of feature.loadGeometry()) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1]!, ring[i]!];
        const key =
          a.x < b.x || (a.x === b.x && a.y < b.y)
            ? `${a.x},${a.y},${b.x},${b.y}`
            : `${b.x},${b.y},${a.x},${a.y}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    }
  }
  const total = [...edges.values()].reduce((sum, n) => sum + n, 0);
  const shared = [...edges.values()].filter((n) => n === 2).reduce((sum, n) => sum + n, 0);
  return shared / total;
}

describe('vector tiles of the boundaries', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    for (const file of ['buurten_2022_GM1916.geojson', 'wijken_2022_GM1916.geojson']) {
      const report = await importFile(
        t.db,
        {
          kind: 'grenzen',
          fileName: file,
          bytes: readFileSync(sharedFile('geometry', 'gm1916', file)),
          actor: 'test',
          vintage: 2022,
        },
        { dryRun: false },
      );
      assert.ok(report.ok, JSON.stringify(report.errors));
    }
  });
  after(() => t.destroy());

  const tileSet = async (level: string) =>
    (await request(t.app).get(`/api/v1/indelingen/2022/${level}/tegelset`).expect(200)).body;

  it('are made by the boundary import for every level, with the gemeente extent', async () => {
    for (const level of ['buurt', 'wijk']) {
      const set = await tileSet(level);
      assert.match(set.versie, /^2022-(buurt|wijk)-[0-9a-f]{16}$/);
      assert.deepEqual(set.tegels, [`/api/v1/tegels/${set.versie}/{z}/{x}/{y}`]);
      assert.equal(set.bronlaag, 'gebieden');
      assert.ok(set.gemeenten.GM1916, 'gemeente bbox');
      assert.equal(set.aantalGebieden, level === 'buurt' ? 43 : 13);
    }
  });

  it('serve each tile gzipped, immutable, with an ETag, and carry code and gemeente per feature', async () => {
    const set = await tileSet('buurt');
    const [x, y] = tileOf(4.39, 52.08, 12);
    const url = `/api/v1/tegels/${set.versie}/12/${x}/${y}`;
    const res = await request(t.app)
      .get(url)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.mapbox-vector-tile');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.ok(res.headers.etag);
    const features = decode(res.body as Buffer);
    assert.ok(features.length > 0);
    assert.ok(
      features.every(
        (f) => String(f.properties.code).startsWith('BU1916') && f.properties.gemeente === 'GM1916',
      ),
    );
    await request(t.app).get(url).set('If-None-Match', res.headers.etag!).expect(304);
  });

  it('keep shared borders shared when generalised for a low zoom', async () => {
    const set = await tileSet('buurt');
    const [x, y] = tileOf(4.39, 52.08, 10);
    const row = await t.db
      .selectFrom('boundary_tiles')
      .select('data')
      .where('version', '=', set.versie)
      .where('z', '=', 10)
      .where('x', '=', x)
      .where('y', '=', y)
      .executeTakeFirstOrThrow();
    const features = decode(gunzipSync(row.data));
    assert.equal(features.length, 43);
    // Most edges lie between two buurten; each must be drawn identically by both.
    assert.ok(sharedEdgeShare(features) > 0.75, `shared edge share ${sharedEdgeShare(features)}`);
  });

  it('answer an empty tile with 204 and an unknown version with 404', async () => {
    const set = await tileSet('buurt');
    await request(t.app).get(`/api/v1/tegels/${set.versie}/12/0/0`).expect(204);
    assertProblem(await request(t.app).get('/api/v1/tegels/2022-buurt-0000000000000000/1/0/0'), 404);
    assertProblem(await request(t.app).get('/api/v1/indelingen/1999/buurt/tegelset'), 404);
  });

  it('list the areas of a version in columns, immutable', async () => {
    const set = await tileSet('wijk');
    const res = await request(t.app).get(set.gebieden).expect(200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    const i = res.body.codes.indexOf('WK191602');
    assert.equal(res.body.namen[i], 'Prinsenhof');
    assert.equal(res.body.gemeenten[i], 'GM1916');
  });

  it('are made on start for boundaries stored before tiles existed, once', async () => {
    await t.db.deleteFrom('tile_sets').execute();
    const made = await buildMissingOrStaleTileSets(t.db);
    assert.deepEqual(made.map((m) => `${m.vintage}/${m.level}`).sort(), [
      '2022/buurt',
      '2022/gemeente',
      '2022/wijk',
    ]);
    assert.deepEqual(await buildMissingOrStaleTileSets(t.db), []);
    await tileSet('buurt');
  });
});
