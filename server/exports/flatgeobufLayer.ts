// Pure: a layer as FlatGeobuf (https://flatgeobuf.org, format v3), whose header declares every
// column's type, so a GIS reads waarde as Real and teller as Integer even when no feature has a
// number in them (GeoJSON leaves GDAL 3.6 nothing to read a type from; decision 0104).
//
// The flatgeobuf package's own serializer infers the columns from the first feature (every number
// a Double, a null a String), so this writes header and features with the package's classes
// generated from the format's schema, the column types taken from GEOJSON_FIELDS. The deep
// imports are why package.json pins flatgeobuf to one version; test/api/flatgeobufInGis.test.ts
// reads the file back with GDAL.

import { Builder } from 'flatbuffers';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { Geometry } from 'geojson';
import { type FieldType, GEOJSON_FIELDS, type GeojsonField } from './geojsonFields.ts';

/** Not registered at IANA; the name the FlatGeobuf community and OGC API servers use. */
export const FLATGEOBUF_MEDIA_TYPE = 'application/flatgeobuf';

/** WGS84 lon/lat, the coordinates of the GeoJSON export; FlatGeobuf stores x = lon, y = lat. */
const WGS84 = 4326;

const COLUMN_TYPES: Record<FieldType, ColumnType> = {
  String: ColumnType.String,
  Integer: ColumnType.Int,
  Real: ColumnType.Double,
};
const COLUMNS = Object.entries(GEOJSON_FIELDS) as Array<[GeojsonField, FieldType]>;

export interface FlatgeobufFeature {
  /** A MultiPolygon, as the header declares; null for an area without geometry. */
  geometry: Geometry | null;
  properties: Record<GeojsonField, string | number | null>;
}

export interface FlatgeobufLayer {
  /** Layer name in a GIS. */
  name: string;
  title: string;
  description: string;
  /** What the GeoJSON carries as foreign members (source, attribution, export date), as JSON text. */
  metadata: string;
  bbox?: readonly [number, number, number, number];
  features: readonly FlatgeobufFeature[];
}

/** The whole file: magic bytes, header, features (no spatial index: a layer is read whole). */
export function flatgeobufLayer(layer: FlatgeobufLayer): Uint8Array {
  const parts = [magicbytes, header(layer), ...layer.features.map(feature)];
  const file = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    file.set(part, offset);
    offset += part.length;
  }
  return file;
}

function header(layer: FlatgeobufLayer): Uint8Array {
  const builder = new Builder(1024);
  const columns = COLUMNS.map(([name, type]) => {
    const nameOffset = builder.createString(name);
    Column.startColumn(builder);
    Column.addName(builder, nameOffset);
    Column.addType(builder, COLUMN_TYPES[type]);
    Column.addNullable(builder, true);
    return Column.endColumn(builder);
  });
  const columnsOffset = Header.createColumnsVector(builder, columns);
  const nameOffset = builder.createString(layer.name);
  const titleOffset = builder.createString(layer.title);
  const descriptionOffset = builder.createString(layer.description);
  const metadataOffset = builder.createString(layer.metadata);
  const envelopeOffset = layer.bbox ? Header.createEnvelopeVector(builder, [...layer.bbox]) : 0;
  const orgOffset = builder.createString('EPSG');
  Crs.startCrs(builder);
  Crs.addOrg(builder, orgOffset);
  Crs.addCode(builder, WGS84);
  const crsOffset = Crs.endCrs(builder);
  Header.startHeader(builder);
  Header.addName(builder, nameOffset);
  if (envelopeOffset) Header.addEnvelope(builder, envelopeOffset);
  Header.addGeometryType(builder, GeometryType.MultiPolygon);
  Header.addColumns(builder, columnsOffset);
  Header.addFeaturesCount(builder, BigInt(layer.features.length));
  Header.addIndexNodeSize(builder, 0);
  Header.addCrs(builder, crsOffset);
  Header.addTitle(builder, titleOffset);
  Header.addDescription(builder, descriptionOffset);
  Header.addMetadata(builder, metadataOffset);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

function feature({ geometry, properties }: FlatgeobufFeature): Uint8Array {
  if (geometry && geometry.type !== 'MultiPolygon')
    throw new TypeError(`Een FlatGeobuf-kaartlaag heeft alleen MultiPolygons, geen ${geometry.type}`);
  const builder = new Builder(4096);
  const propertiesOffset = Feature.createPropertiesVector(builder, encodeProperties(properties));
  // A feature without geometry stays without one: no empty polygon is made up for it.
  const geometryOffset = geometry ? buildGeometry(builder, parseGeometry(geometry)) : 0;
  Feature.startFeature(builder);
  if (geometryOffset) Feature.addGeometry(builder, geometryOffset);
  Feature.addProperties(builder, propertiesOffset);
  builder.finishSizePrefixed(Feature.endFeature(builder));
  return builder.asUint8Array();
}

const textEncoder = new TextEncoder();

/**
 * The format's property encoding: per non-null value its column index (uint16), then the value
 * (int32, float64, or uint32 byte length + UTF-8), little-endian. A null is left out, which is how
 * FlatGeobuf says null.
 */
function encodeProperties(properties: FlatgeobufFeature['properties']): Uint8Array {
  const chunks: Uint8Array[] = [];
  COLUMNS.forEach(([name, type], index) => {
    const value = properties[name];
    if (value === null || value === undefined) return;
    const chunk = encodeValue(name, type, value);
    new DataView(chunk.buffer).setUint16(0, index, true);
    chunks.push(chunk);
  });
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** One value after a two-byte gap for its column index. */
function encodeValue(name: string, type: FieldType, value: string | number): Uint8Array {
  if (type === 'String') {
    const text = textEncoder.encode(String(value));
    const chunk = new Uint8Array(2 + 4 + text.length);
    new DataView(chunk.buffer).setUint32(2, text.length, true);
    chunk.set(text, 6);
    return chunk;
  }
  if (typeof value !== 'number') throw new TypeError(`${name} is geen getal: ${value}`);
  if (type === 'Integer') {
    // Refuse rather than truncate: an Integer column holds whole numbers within int32.
    if (!Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1)
      throw new RangeError(`${name} is geen geheel getal binnen 32 bits: ${value}`);
    const chunk = new Uint8Array(2 + 4);
    new DataView(chunk.buffer).setInt32(2, value, true);
    return chunk;
  }
  const chunk = new Uint8Array(2 + 8);
  new DataView(chunk.buffer).setFloat64(2, value, true);
  return chunk;
}
