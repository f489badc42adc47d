import type * as MapLibre from 'maplibre-gl';

let loading: Promise<typeof MapLibre> | undefined;

/**
 * MapLibre (about 290 KB gzipped, plus its worker) loads once, on demand: the first page with a map
 * starts it as soon as its code arrives, in parallel with the API requests, and the worker starts
 * early (prewarm) instead of when the first source is added. Vite bundles the worker as a file of
 * its own; MapLibre is told where it is.
 */
export function loadMapLibre(): Promise<typeof MapLibre> {
  loading ??= Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]).then(([maplibre, worker]) => {
    maplibre.setWorkerUrl(worker.default);
    maplibre.prewarm();
    return maplibre;
  });
  return loading;
}
