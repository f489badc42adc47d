import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { GEOJSON_FIELDS } from '../../server/exports/geojsonFields.ts';
import { FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { ogr2ogr, readInGis as readOgr } from '../support/readInGis.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The GeoJSON export as a GIS reads it: converted with GDAL's ogr2ogr to a GeoPackage, then the
// layer's field types, geometry type and per-feature attributes read back with ogrinfo. The GDAL
// part is skipped where gdal-bin is not installed; the raw-text checks beside it always run.
const readInGis = (geojson: string) => readOgr(geojson, 'geojson', 'GPKG');

describe('the GeoJSON export in a GIS', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  const exportOf = async (query: string) =>
    (await request(t.app).get(`/api/v1/exports/kaartlaag.geojson?${query}`).expect(200)).text;
  // inwoners: whole numbers only, in two features; bijstand: decimals, a suppressed one, targets.
  const counts = `indicator=${FIXTURE.inwoners}&periode=2022&niveau=buurt`;
  const shares = `indicator=${FIXTURE.bijstand}&periode=2020&niveau=buurt&gemeente=GM1916`;

  it('writes a value of whole numbers with a decimal point, so it reads as a number with decimals', async () => {
    const text = await exportOf(counts);
    assert.match(text, /"waarde":\d+\.0[,}]/);
    assert.doesNotMatch(text, /"teller":\d+\.0[,}]/, 'counts stay whole numbers');
  });

  it('puts indicator, period, unit and source on every feature, and only MultiPolygons', async () => {
    const body = JSON.parse(await exportOf(shares));
    assert.ok(body.features.length > 0);
    for (const feature of body.features) {
      assert.equal(feature.geometry.type, 'MultiPolygon');
      assert.deepEqual(Object.keys(feature.properties), Object.keys(GEOJSON_FIELDS));
      assert.equal(feature.properties.indicator, FIXTURE.bijstand);
      assert.equal(feature.properties.periode, '2020');
      assert.equal(typeof feature.properties.eenheid, 'string');
      assert.match(feature.properties.bron, /\S/);
    }
  });

  it('keeps the attributes and one geometry type after ogr2ogr to GeoPackage', {
    skip: !ogr2ogr,
  }, async () => {
    const layer = readInGis(await exportOf(shares));
    assert.equal(layer.geometryType, 'Multi Polygon');
    for (const properties of layer.features) {
      assert.equal(properties.indicator, FIXTURE.bijstand);
      assert.equal(properties.periode, '2020');
      assert.match(String(properties.bron), /\S/);
      assert.match(String(properties.eenheid), /\S/);
    }
    const focus = layer.features.find((p) => p.code === 'BU19160200')!;
    assert.equal(focus.programma, FIXTURE.programme);
  });

  it('gives each field the same type in every export, whatever the values', { skip: !ogr2ogr }, async () => {
    for (const query of [counts, shares]) {
      const layer = readInGis(await exportOf(query));
      for (const [name, type] of [
        ['waarde', 'Real'],
        ['teller', 'Integer'],
        ['noemer', 'Integer'],
        ['score', 'Real'],
        ['streefwaarde', 'Real'],
      ] as const) {
        // A column that is empty in every feature has no number to read a type from (see decision 0091).
        if (layer.features.every((p) => p[name] == null)) continue;
        assert.equal(layer.fields.get(name), type, `${name} in ${query}`);
      }
    }
  });
});
