/**
 * Zoom bands of the tiles: within a band one generalisation. The weight is the smallest triangle
 * (Visvalingam, planar lon/lat, degrees²) a vertex must span to stay: about half a screen pixel²
 * at the band's deepest zoom (512-pixel tiles). The deepest band keeps the stored geometry, which
 * the importer already thinned to street level (decision 0010); beyond it MapLibre overzooms.
 */
export interface ZoomBand {
  minZoom: number;
  maxZoom: number;
  minWeight: number;
}

const MAX_ZOOM: Record<string, number> = { buurt: 12, wijk: 11, gemeente: 10 };

const pixelWeight = (zoom: number) => {
  const pixel = 360 / (512 * 2 ** zoom);
  return 0.5 * pixel * pixel;
};

export function zoomBandsOf(level: string): ZoomBand[] {
  const maxZoom = MAX_ZOOM[level] ?? 12;
  const bands: ZoomBand[] = [{ minZoom: 0, maxZoom: 5, minWeight: pixelWeight(5) }];
  for (let zoom = 6; zoom < maxZoom; zoom += 2) {
    const top = Math.min(zoom + 1, maxZoom - 1);
    bands.push({ minZoom: zoom, maxZoom: top, minWeight: pixelWeight(top) });
  }
  bands.push({ minZoom: bands.at(-1)!.maxZoom + 1, maxZoom, minWeight: 0 });
  return bands;
}
