import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { type FlatgeobufFeature, flatgeobufLayer } from '../../server/exports/flatgeobufLayer.ts';
import { GEOJSON_FIELDS, type GeojsonField } from '../../server/exports/geojsonFields.ts';

// The pure FlatGeobuf writer, read back with the flatgeobuf package's own reader.

const empty = Object.fromEntries(Object.keys(GEOJSON_FIELDS).map((name) => [name, null])) as Record<
  GeojsonField,
  null
>;
const square = {
  type: 'MultiPolygon' as const,
  coordinates: [
    [
      [
        [4.4, 52.1],
        [4.5, 52.1],
        [4.5, 52.2],
        [4.4, 52.1],
      ],
    ],
  ],
};

async function read(features: FlatgeobufFeature[]) {
  let header: HeaderMeta | undefined;
  const read = [];
  const file = flatgeobufLayer({ name: 'laag', title: 'T', description: 'D', metadata: '{"a":1}', features });
  const headerMetaFn = (meta: HeaderMeta) => {
    header = meta;
  };
  for await (const feature of deserialize(file, { headerMetaFn })) read.push(feature);
  return { header: header!, features: read };
}

describe('flatgeobufLayer', () => {
  // A feature without geometry is left to test/api/flatgeobufInGis.test.ts (GDAL): this package's
  // reader cannot read one (it reads the absent geometry's parts), GDAL can.
  it('keeps values, Unicode text and nulls as they are', async () => {
    const { header, features } = await read([
      {
        geometry: square,
        properties: { ...empty, code: 'BU1', naam: 'Één ’s-Gravenhage', waarde: 21, teller: 3 },
      },
      { geometry: square, properties: { ...empty, code: 'BU2', waarde: -1.25, geheim: 'te klein' } },
    ]);
    assert.equal(header.featuresCount, 2);
    assert.equal(header.title, 'T');
    assert.equal(header.metadata, '{"a":1}');
    assert.deepEqual(features[0]!.properties, {
      code: 'BU1',
      naam: 'Één ’s-Gravenhage',
      waarde: 21,
      teller: 3,
    });
    assert.deepEqual(features[1]!.properties, { code: 'BU2', waarde: -1.25, geheim: 'te klein' });
    assert.deepEqual(features[0]!.geometry, square);
  });

  it('declares the columns of GEOJSON_FIELDS even when every value is null', async () => {
    const { header } = await read([{ geometry: square, properties: empty }]);
    assert.deepEqual(
      header.columns?.map((column) => column.name),
      Object.keys(GEOJSON_FIELDS),
    );
  });

  it('refuses a count that is not a whole number within 32 bits, rather than truncating it', () => {
    for (const teller of [2.5, 2 ** 31])
      assert.throws(
        () =>
          flatgeobufLayer({
            name: 'l',
            title: '',
            description: '',
            metadata: '',
            features: [{ geometry: null, properties: { ...empty, teller } }],
          }),
        RangeError,
      );
  });

  it('refuses a geometry other than a MultiPolygon', () => {
    const polygon = { type: 'Polygon' as const, coordinates: square.coordinates[0]! };
    assert.throws(
      () =>
        flatgeobufLayer({
          name: 'l',
          title: '',
          description: '',
          metadata: '',
          features: [{ geometry: polygon, properties: empty }],
        }),
      TypeError,
    );
  });
});
