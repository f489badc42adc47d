import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  MapLayerMouseEvent,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { TileSet } from '../../../schemas/mapTiles.ts';
import { apiUrl, getJson } from '../shared/api.ts';
import { geoBounds } from './geoBounds.ts';
import { loadMapLibre } from './loadMapLibre.ts';
import { type PatternName, patternImage } from './mapPatterns.ts';

/** What one area looks like: a colour, or one of the two patterns. */
export interface AreaPaint {
  kleur: string | null;
  klasse: 'waarde' | 'geen' | 'geheim';
}

export interface ChoroplethMapProps {
  /** Vector tiles of one boundary vintage × level (immutable URLs); never fetched again when only colours change. */
  tileSet: TileSet;
  /** The codes drawn (one gemeente's, or all): the features whose colour is set. */
  codes: readonly string[];
  /** Draw only this gemeente's areas (a filter on the tiles, no other geometry); null: all. */
  gemeente: string | null;
  /** Paint per area code; a new object recolours via feature state. */
  paint: Map<string, AreaPaint>;
  /** Codes drawn with a heavy outline (the programme area). */
  outline?: string[];
  /** Codes the view fits to (the programme area on the report); absent: every area drawn. */
  fitTo?: string[];
  selected: string | null;
  onSelect: (code: string) => void;
  /** The tooltip text for an area under the pointer. */
  describe: (code: string, name: string) => string;
  /** Accessible name of the map region. */
  label: string;
}

const SOURCE = 'gebieden';
const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'achtergrond', type: 'background', paint: { 'background-color': '#eef1f4' } }],
};

/** An optional basemap style URL, set by the server as <meta name="buurtpeil:basemap" content="…">. */
function basemapStyle(): string | StyleSpecification {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="buurtpeil:basemap"]');
  return meta?.content ? meta.content : BLANK_STYLE;
}

let colourRuns = 0;

/** The layers that draw areas; a gemeente filter applies to each. */
const DRAWN_LAYERS = ['gebied-vlak', 'gebied-geen', 'gebied-geheim', 'gebied-grens', 'gebied-grens-donker'];

const featureOf = (tileSet: TileSet, code: string) => ({
  source: SOURCE,
  sourceLayer: tileSet.bronlaag,
  id: code,
});

/** The first view: the gemeente's extent, or the whole tile set's. */
function viewOf(tileSet: TileSet, gemeente: string | null): [number, number, number, number] | null {
  return (gemeente ? tileSet.gemeenten[gemeente] : undefined) ?? tileSet.bounds ?? null;
}

/** Tile URLs must be absolute for MapLibre's worker; the template's braces must stay unencoded. */
const absolute = (path: string) => (path.startsWith('/') ? `${window.location.origin}${path}` : path);

/**
 * The choropleth. MapLibre is imported dynamically so it never blocks the first view. Geometry is
 * a vector tile source keyed by area code (promoteId), made once at import (decision 0117);
 * colours are feature state, so a new indicator or year only calls setFeatureState and never
 * requests geometry again. One map per tile set: MapPanel gives a new tile set a new map.
 */
export function ChoroplethMap({
  tileSet,
  codes,
  gemeente,
  paint,
  outline,
  fitTo,
  selected,
  onSelect,
  describe,
  label,
}: ChoroplethMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // Create the map once per tile set; a new accessible title or gemeente does not need a new map.
  // biome-ignore lint/correctness/useExhaustiveDependencies: label and the first view are read once at creation
  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    (async () => {
      const maplibre = await loadMapLibre();
      if (cancelled || !container.current) return;
      map = new maplibre.Map({
        container: container.current,
        style: basemapStyle(),
        bounds: viewOf(tileSet, gemeente) ?? undefined,
        fitBoundsOptions: { padding: 24 },
        attributionControl: { compact: true, customAttribution: 'CBS/Kadaster (PDOK)' },
        dragRotate: false,
        // Keep the drawn frame so the map prints (the yearly report) and can be saved as an image.
        canvasContextAttributes: { preserveDrawingBuffer: true },
        pitchWithRotate: false,
        locale: {
          'NavigationControl.ZoomIn': 'Inzoomen',
          'NavigationControl.ZoomOut': 'Uitzoomen',
          'AttributionControl.ToggleAttribution': 'Bronvermelding tonen',
          'Map.Title': label,
        },
      });
      map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
      map.on('load', () => {
        if (!map) return;
        for (const name of ['patroon-geen', 'patroon-geheim'] as PatternName[]) {
          map.addImage(name, patternImage(name), { pixelRatio: 2 });
        }
        map.addSource(SOURCE, {
          type: 'vector',
          tiles: tileSet.tegels.map(absolute),
          minzoom: tileSet.minzoom,
          maxzoom: tileSet.maxzoom,
          ...(tileSet.bounds ? { bounds: tileSet.bounds } : {}),
          promoteId: 'code',
        });
        const inSource = { source: SOURCE, 'source-layer': tileSet.bronlaag } as const;
        const isClass = (klasse: string): ExpressionSpecification => [
          '==',
          ['feature-state', 'klasse'],
          klasse,
        ];
        map.addLayer({
          id: 'gebied-vlak',
          type: 'fill',
          ...inSource,
          paint: {
            'fill-color': ['coalesce', ['feature-state', 'kleur'], '#ffffff'],
            'fill-opacity': ['case', isClass('waarde'), 0.92, 0],
          },
        });
        // fill-pattern cannot follow feature state, fill-opacity can: one pattern layer per class.
        for (const [klasse, pattern] of [
          ['geen', 'patroon-geen'],
          ['geheim', 'patroon-geheim'],
        ] as const) {
          map.addLayer({
            id: `gebied-${klasse}`,
            type: 'fill',
            ...inSource,
            paint: { 'fill-pattern': pattern, 'fill-opacity': ['case', isClass(klasse), 1, 0] },
          });
        }
        map.addLayer({
          id: 'gebied-grens',
          type: 'line',
          ...inSource,
          paint: { 'line-color': '#ffffff', 'line-width': 1 },
        });
        map.addLayer({
          id: 'gebied-grens-donker',
          type: 'line',
          ...inSource,
          paint: { 'line-color': '#5b6670', 'line-width': 0.4 },
        });
        map.addLayer({
          id: 'programmagebied',
          type: 'line',
          ...inSource,
          filter: ['in', ['get', 'code'], ['literal', []]],
          paint: { 'line-color': '#1d1d1b', 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
        });
        map.addLayer({
          id: 'gebied-actief',
          type: 'line',
          ...inSource,
          paint: {
            'line-color': '#1d1d1b',
            'line-width': [
              'case',
              ['boolean', ['feature-state', 'gekozen'], false],
              4,
              ['boolean', ['feature-state', 'hover'], false],
              2.5,
              0,
            ],
          },
        });
        let hovered: string | null = null;
        const setHover = (code: string | null) => {
          if (hovered && hovered !== code)
            map?.setFeatureState(featureOf(tileSet, hovered), { hover: false });
          if (code) map?.setFeatureState(featureOf(tileSet, code), { hover: true });
          hovered = code;
        };
        map.on('mousemove', 'gebied-vlak', (event: MapLayerMouseEvent) => {
          const feature = event.features?.[0];
          const code = feature?.properties?.code as string | undefined;
          if (!code || !map) return;
          map.getCanvas().style.cursor = 'pointer';
          setHover(code);
          setTooltip({
            x: event.point.x,
            y: event.point.y,
            text: describeRef.current(code, code),
          });
        });
        map.on('mouseleave', 'gebied-vlak', () => {
          if (map) map.getCanvas().style.cursor = '';
          setHover(null);
          setTooltip(null);
        });
        map.on('click', 'gebied-vlak', (event: MapLayerMouseEvent) => {
          const code = event.features?.[0]?.properties?.code as string | undefined;
          if (code) onSelectRef.current(code);
        });
        mapRef.current = map;
        setReady(true);
      });
      map.on('error', (event) => console.warn('kaart:', event.error?.message));
    })().catch((error: Error) => setFailed(error.message));
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  // One gemeente, or all: a filter on the same tiles.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const filter: FilterSpecification | null = gemeente ? ['==', ['get', 'gemeente'], gemeente] : null;
    for (const id of DRAWN_LAYERS) map.setFilter(id, filter);
    const view = viewOf(tileSet, gemeente);
    if (view) map.fitBounds(view, { padding: 24, animate: false });
  }, [ready, gemeente, tileSet]);

  // The report fits the map to the programme area: the exact extent of those areas, read once from
  // their GeoJSON because the tiles are generalised. Only a map with fitTo asks for geometry.
  const fitKey = fitTo?.join(',') ?? '';
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || fitKey === '') return;
    const wanted = new Set(fitKey.split(','));
    let live = true;
    getJson<FeatureCollection>(apiUrl(`/geometrie/${tileSet.indeling}/${tileSet.niveau}`, { gemeente }))
      .then((geojson) => {
        if (!live) return;
        const box = geoBounds({
          ...geojson,
          features: geojson.features.filter((f) => wanted.has(String(f.properties?.code))),
        });
        if (!box) return;
        map.fitBounds(box, { padding: 24, animate: false });
        // The box fitted to, readable by a test and a print check (the programme area on the report).
        if (container.current) container.current.dataset.kaartUitsnede = box.join(',');
      })
      .catch((error: Error) => live && setFailed(`De grenzen konden niet worden geladen: ${error.message}`));
    return () => {
      live = false;
    };
  }, [ready, fitKey, tileSet, gemeente]);

  // Colours: feature state only.
  useEffect(() => {
    const map = mapRef.current;
    const element = container.current;
    if (!ready || !map || !element) return;
    const run = ++colourRuns;
    element.dataset.kaartStatus = 'kleuren';
    // State is kept by id, also for features whose tiles are not loaded yet.
    for (const code of codes) {
      const p = paint.get(code) ?? { kleur: null, klasse: 'geen' };
      map.setFeatureState(featureOf(tileSet, code), { kleur: p.kleur, klasse: p.klasse });
    }
    map.once('idle', () => {
      if (run !== colourRuns) return;
      element.dataset.kaartStatus = 'gekleurd';
      element.dataset.kleurVersie = String(run);
      if (!performance.getEntriesByName('kaart-gekleurd').length) performance.mark('kaart-gekleurd');
      performance.mark(`kaart-gekleurd-${run}`);
    });
    map.triggerRepaint();
  }, [ready, paint, codes, tileSet]);

  // The canvas is the map's accessible region; keep its name in step with what it shows.
  useEffect(() => {
    if (ready) mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [ready, label]);

  // Programme outline and selection.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.setFilter('programmagebied', ['in', ['get', 'code'], ['literal', outline ?? []]]);
  }, [ready, outline]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !selected) return;
    map.setFeatureState(featureOf(tileSet, selected), { gekozen: true });
    return () => {
      if (mapRef.current?.getSource(SOURCE)) {
        mapRef.current.setFeatureState(featureOf(tileSet, selected), { gekozen: false });
      }
    };
  }, [ready, selected, tileSet]);

  return (
    <div className="map-frame">
      {/* MapLibre gives its canvas role="region" and the label below as its name. */}
      <div ref={container} className="map" data-kaart-status="laden" />
      {tooltip && (
        <div className="map-tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 12 }} aria-hidden="true">
          {tooltip.text}
        </div>
      )}
      {failed && (
        <p className="map-error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
