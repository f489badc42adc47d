import type { FeatureCollection } from 'geojson';

/** The exact extent [west, south, east, north] of the features, or null when none has geometry. */
export function geoBounds(geojson: FeatureCollection): [number, number, number, number] | null {
  let [minX, minY, maxX, maxY] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    } else if (Array.isArray(c)) for (const d of c) visit(d);
  };
  for (const f of geojson.features)
    if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}
