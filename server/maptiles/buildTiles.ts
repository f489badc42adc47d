import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import geojsonvt from 'geojson-vt';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { fromGeojsonVt } from 'vt-pbf';
import { zoomBandsOf } from './zoomBands.ts';

/** The one source layer in every tile. */
export const TILE_LAYER = 'gebieden';
export const TILE_EXTENT = 4096;

export interface TileArea {
  code: string;
  name: string;
  gemeenteCode: string | null;
  geometry: Polygon | MultiPolygon | null;
  bbox: [number, number, number, number] | null;
}

export interface BuiltTile {
  z: number;
  x: number;
  y: number;
  /** gzip of the Mapbox Vector Tile (protobuf). */
  data: Uint8Array;
}

export interface BuiltTileSet {
  version: string;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number] | null;
  gemeenteBounds: Record<string, [number, number, number, number]>;
  tiles: BuiltTile[];
  tileBytes: number;
}

type Box = [number, number, number, number];
const widen = (a: Box | undefined, b: Box): Box =>
  a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : [...b];

/** The content hash of a level's boundaries: the tile URLs carry it, so they never change meaning. */
export function tileSetVersion(vintage: number, level: string, areas: readonly TileArea[]): string {
  const hash = createHash('sha256').update(`${vintage}|${level}|v1\n`);
  for (const area of areas) {
    hash.update(`${area.code}|${area.gemeenteCode ?? ''}|${JSON.stringify(area.geometry)}\n`);
  }
  return `${vintage}-${level}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * Vector tiles of one boundary vintage × level. Generalisation happens on one shared topology
 * (topojson): a border two areas share is one arc, thinned once per zoom band, so neighbours keep
 * touching at every zoom. geojson-vt then only cuts tiles (tolerance 0: no second, per-polygon
 * simplification that would pull shared borders apart); vt-pbf writes the protobuf.
 */
export function buildTiles(vintage: number, level: string, areas: readonly TileArea[]): BuiltTileSet {
  const drawn = areas.filter((area) => area.geometry !== null);
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: drawn.map(
      (area): Feature => ({
        type: 'Feature',
        properties: { code: area.code, gemeente: area.gemeenteCode ?? area.code },
        geometry: area.geometry!,
      }),
    ),
  };
  const weighted = presimplify(
    topology({ areas: collection }) as unknown as Topology<Objects<object>>,
  ) as unknown as Topology<Objects<object>>;

  const bands = zoomBandsOf(level);
  const tiles: BuiltTile[] = [];
  let tileBytes = 0;
  for (const band of bands) {
    const thinned = simplify(weighted, band.minWeight) as unknown as Topology<{ areas: GeometryCollection }>;
    const generalised = feature(thinned, thinned.objects.areas) as FeatureCollection;
    const index = geojsonvt(generalised, {
      maxZoom: band.maxZoom,
      indexMaxZoom: band.maxZoom,
      indexMaxPoints: 0,
      tolerance: 0,
      extent: TILE_EXTENT,
      buffer: 64,
    });
    // biome-ignore lint/suspicious/noExplicitAny: geojson-vt keeps its built tiles in an untyped map
    for (const raw of Object.values((index as any).tiles) as { z: number; x: number; y: number }[]) {
      if (raw.z < band.minZoom || raw.z > band.maxZoom) continue;
      const tile = index.getTile(raw.z, raw.x, raw.y);
      if (!tile || tile.features.length === 0) continue;
      // @types/vt-pbf names the index where vt-pbf takes one tile.
      const layers = { [TILE_LAYER]: tile } as unknown as Parameters<typeof fromGeojsonVt>[0];
      const data = gzipSync(fromGeojsonVt(layers, { version: 2, extent: TILE_EXTENT }));
      tiles.push({ z: raw.z, x: raw.x, y: raw.y, data });
      tileBytes += data.byteLength;
    }
  }

  let bounds: Box | undefined;
  const gemeenteBounds: Record<string, Box> = {};
  for (const area of drawn) {
    if (!area.bbox) continue;
    bounds = widen(bounds, area.bbox);
    const gemeente = area.gemeenteCode ?? (area.code.startsWith('GM') ? area.code : null);
    if (gemeente) gemeenteBounds[gemeente] = widen(gemeenteBounds[gemeente], area.bbox);
  }
  return {
    version: tileSetVersion(vintage, level, areas),
    minZoom: bands[0]!.minZoom,
    maxZoom: bands.at(-1)!.maxZoom,
    bounds: bounds ?? null,
    gemeenteBounds,
    tiles,
    tileBytes,
  };
}
