// What a Polygon or MultiPolygon's coordinates must look like, checked without recursion (a file
// with 100 000 levels of nested arrays must give a Dutch error, not a stack overflow and a 500).
import type { MultiPolygon, Polygon } from 'geojson';

const isPosition = (value: unknown): boolean =>
  Array.isArray(value) &&
  (value.length === 2 || value.length === 3) &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'een ring is geen lijst van punten';
  if (ring.length < 4) return 'een ring heeft minder dan vier punten';
  for (const position of ring) {
    if (!isPosition(position)) return 'een punt is geen paar getallen (x, y)';
  }
  return null;
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'een vlak heeft geen ringen';
  for (const ring of rings) {
    const problem = ringProblem(ring);
    if (problem) return problem;
  }
  return null;
}

/** Null when the coordinates are those of the geometry's type; else what is wrong, in Dutch. */
export function polygonShapeProblem(
  geometry: Pick<Polygon | MultiPolygon, 'type' | 'coordinates'>,
): string | null {
  const coordinates: unknown = geometry.coordinates;
  if (geometry.type === 'Polygon') return polygonProblem(coordinates);
  if (!Array.isArray(coordinates) || coordinates.length === 0) return 'een MultiPolygon heeft geen vlakken';
  for (const polygon of coordinates) {
    const problem = polygonProblem(polygon);
    if (problem) return problem;
  }
  return null;
}
