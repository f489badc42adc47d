import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

/** EPSG:28992 (RD New) with the 7-parameter datum shift to WGS84, as published by EPSG / PDOK. */
export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

export type SourceCrs = 'rd' | 'wgs84';

const rdToWgs84 = proj4(RD_NEW, 'WGS84');

/**
 * Which coordinate system a GeoJSON uses: the legacy `crs` member when present, otherwise the range
 * of a coordinate (RD New x 0–300 km, y 289–629 km; WGS84 lon −180–180, lat −90–90).
 */
export function detectCrs(crsName: string | undefined, sample: Position | undefined): SourceCrs | undefined {
  if (crsName) {
    if (/28992/.test(crsName)) return 'rd';
    if (/CRS84|4326|WGS ?84/i.test(crsName)) return 'wgs84';
  }
  if (!sample) return undefined;
  const [x, y] = sample as [number, number];
  if (x >= -7000 && x <= 300000 && y >= 289000 && y <= 629000) return 'rd';
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return 'wgs84';
  return undefined;
}

export function rdPointToWgs84(position: Position): Position {
  const [lon, lat] = rdToWgs84.forward([position[0]!, position[1]!]);
  return [lon!, lat!];
}

export function mapPositions(geometry: Geometry, map: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: map(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(map) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return {
        type: geometry.type,
        coordinates: geometry.coordinates.map((ring) => ring.map(map)),
      } as Geometry;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(map))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((part) => mapPositions(part, map)),
      };
  }
}

export function firstPosition(geometry: Geometry | null | undefined): Position | undefined {
  if (!geometry) return undefined;
  if (geometry.type === 'GeometryCollection') {
    for (const part of geometry.geometries) {
      const found = firstPosition(part);
      if (found) return found;
    }
    return undefined;
  }
  let coordinates: unknown = geometry.coordinates;
  while (Array.isArray(coordinates) && Array.isArray(coordinates[0])) coordinates = coordinates[0];
  return Array.isArray(coordinates) && typeof coordinates[0] === 'number'
    ? (coordinates as Position)
    : undefined;
}

export function boundingBox(geometry: Geometry | null): [number, number, number, number] | null {
  if (!geometry) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  mapPositions(geometry, (position) => {
    const [x, y] = position as [number, number];
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    return position;
  });
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}
