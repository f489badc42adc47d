import type { Geometry, MultiPolygon } from 'geojson';

interface GeometryRow {
  code: string;
  name: string;
  geometry: Geometry | null;
  bbox: [number, number, number, number] | null;
}

/** Every area as a MultiPolygon (a Polygon as one part), so the layer has one geometry type for GIS. */
function multiPolygonOf(geometry: Geometry | null): MultiPolygon | Geometry | null {
  if (geometry?.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
  return geometry;
}

/** RFC 7946 FeatureCollection (WGS84, lon/lat); `id` and `properties.code` carry the area code for joins. */
export function toFeatureCollection(
  rows: readonly GeometryRow[],
  extraProperties?: (code: string) => object,
) {
  let bbox: [number, number, number, number] | undefined;
  for (const row of rows) {
    if (!row.bbox) continue;
    bbox = bbox
      ? [
          Math.min(bbox[0], row.bbox[0]),
          Math.min(bbox[1], row.bbox[1]),
          Math.max(bbox[2], row.bbox[2]),
          Math.max(bbox[3], row.bbox[3]),
        ]
      : [...row.bbox];
  }
  return {
    type: 'FeatureCollection' as const,
    ...(bbox ? { bbox } : {}),
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: row.code,
      properties: { code: row.code, naam: row.name, ...(extraProperties?.(row.code) ?? {}) },
      geometry: multiPolygonOf(row.geometry),
    })),
  };
}
