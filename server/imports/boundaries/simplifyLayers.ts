import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/**
 * Minimum triangle area (in degrees², planar on lon/lat) a vertex must span to survive
 * simplification: 2e-8 deg² ≈ 150 m² at 52° N, e.g. a 30 m base with a 10 m offset, below one
 * pixel at street-level zoom. See docs/decisions/0010-boundary-simplification.md.
 */
export const SIMPLIFY_MIN_WEIGHT = 2e-8;
/** ~10 cm at these latitudes: more decimals only make the JSON bigger. */
export const COORDINATE_DECIMALS = 6;

export interface LayerInput {
  code: string;
  geometry: Polygon | MultiPolygon | null;
}

export interface SimplifiedLayers {
  /** Simplified geometry per input code. */
  simplified: Map<string, Polygon | MultiPolygon | null>;
  /** For each requested group (e.g. wijk code → its buurt codes) the merged, simplified outline. */
  merged: Map<string, Polygon | MultiPolygon | null>;
}

/**
 * Simplifies all areas of one file together, on a shared topology, so a border two buurten share
 * is one arc and is simplified once: neighbours keep touching. Higher levels are merged from the
 * same arcs (topojson-client `merge`), so wijk and gemeente borders coincide with buurt borders.
 */
export function simplifyLayers(
  areas: LayerInput[],
  groups: Map<string, string[]>,
  minWeight: number = SIMPLIFY_MIN_WEIGHT,
): SimplifiedLayers {
  const collection = {
    type: 'FeatureCollection' as const,
    features: areas.map(
      (area): Feature => ({
        type: 'Feature',
        id: area.code,
        properties: { code: area.code },
        geometry: area.geometry as Geometry,
      }),
    ),
  };
  const full = topology({ areas: collection });
  const simplifiedTopology = simplify(
    presimplify(full as unknown as Topology<Objects<object>>),
    minWeight,
  ) as unknown as Topology<{
    areas: GeometryCollection;
  }>;
  const object = simplifiedTopology.objects.areas;

  const simplified = new Map<string, Polygon | MultiPolygon | null>();
  const byCode = new Map<string, (typeof object.geometries)[number]>();
  object.geometries.forEach((geometryObject, index) => {
    const code = areas[index]!.code;
    byCode.set(code, geometryObject);
    const result = feature(simplifiedTopology, geometryObject) as Feature;
    simplified.set(code, cleanPolygonal(result.geometry) ?? cleanPolygonal(areas[index]!.geometry));
  });

  const merged = new Map<string, Polygon | MultiPolygon | null>();
  for (const [groupCode, memberCodes] of groups) {
    const members = memberCodes
      .map((code) => byCode.get(code))
      .filter((member): member is NonNullable<typeof member> => member !== undefined && member.type !== null);
    if (members.length === 0) {
      merged.set(groupCode, null);
      continue;
    }
    // biome-ignore lint/suspicious/noExplicitAny: topojson-client's merge types want Polygon objects only
    const outline = merge(simplifiedTopology as Topology, members as any) as MultiPolygon;
    merged.set(groupCode, cleanPolygonal(outline));
  }
  return { simplified, merged };
}

/** Rounds to COORDINATE_DECIMALS, drops repeated points and rings that collapsed; null when nothing is left. */
export function cleanPolygonal(geometry: Geometry | null | undefined): Polygon | MultiPolygon | null {
  if (!geometry) return null;
  const factor = 10 ** COORDINATE_DECIMALS;
  const round = (value: number) => Math.round(value * factor) / factor;
  const cleanRing = (ring: Position[]): Position[] | null => {
    const out: Position[] = [];
    for (const position of ring) {
      const point = [round(position[0]!), round(position[1]!)];
      const last = out.at(-1);
      if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
    }
    return out.length >= 4 ? out : null;
  };
  const cleanPolygon = (rings: Position[][]): Position[][] | null => {
    const [outer, ...holes] = rings;
    const cleanOuter = outer ? cleanRing(outer) : null;
    if (!cleanOuter) return null;
    return [cleanOuter, ...holes.map(cleanRing).filter((ring): ring is Position[] => ring !== null)];
  };
  if (geometry.type === 'Polygon') {
    const polygon = cleanPolygon(geometry.coordinates);
    return polygon ? { type: 'Polygon', coordinates: polygon } : null;
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates
      .map(cleanPolygon)
      .filter((polygon): polygon is Position[][] => polygon !== null);
    if (polygons.length === 0) return null;
    if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  return null;
}
