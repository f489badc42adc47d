import type { FeatureCollection } from 'geojson';
import type {
  FilterSpecification,
  MapLayerMouseEvent,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { TileSet } from '../../../schemas/mapTiles.ts';
import { apiUrl, getJson } from '../shared/api.ts';
import { DRAWN_LAYERS, SOURCE, withAreas } from './areaStyle.ts';
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
  /** The layer and the area list have arrived (or failed): colour only then, not the empty map. */
  dataReady: boolean;
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

const featureOf = (tileSet: TileSet, code: string) => ({
  source: SOURCE,
  sourceLayer: tileSet.bronlaag,
  id: code,
});

/** The first view: the gemeente's extent, or the whole tile set's. */
function viewOf(tileSet: TileSet, gemeente: string | null): [number, number, number, number] | null {
  return (gemeente ? tileSet.gemeenten[gemeente] : undefined) ?? tileSet.bounds ?? null;
}

/** One gemeente's areas, or all (null): a filter on the same tiles. */
const gemeenteFilter = (gemeente: string | null): FilterSpecification | null =>
  gemeente ? ['==', ['get', 'gemeente'], gemeente] : null;

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
  dataReady,
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
  /** The paint each area's feature state has now ("klasse kleur"), to set only what changes. */
  const appliedPaint = useRef(new Map<string, string>());

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
        transformStyle: (_previous, style) => withAreas(style, tileSet, gemeenteFilter(gemeente)),
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
      // The areas' source and layers are in the style itself; colours can be set once it is read.
      map.once('style.load', () => {
        if (!map) return;
        performance.mark('kaart-stijl-geladen');
        for (const name of ['patroon-geen', 'patroon-geheim'] as PatternName[]) {
          map.addImage(name, patternImage(name), { pixelRatio: 2 });
        }
        mapRef.current = map;
        setReady(true);
      });
      let hovered: string | null = null;
      const setHover = (code: string | null) => {
        if (hovered && hovered !== code) map?.setFeatureState(featureOf(tileSet, hovered), { hover: false });
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
      map.on('error', (event) => console.warn('kaart:', event.error?.message));
    })().catch((error: Error) => setFailed(error.message));
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  // One gemeente, or all: a filter on the same tiles. The style starts with the first one; a filter
  // set again unchanged would still make MapLibre lay out every tile anew (it compares null and
  // undefined as different), so only a real change is set.
  const shownGemeente = useRef(gemeente);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || shownGemeente.current === gemeente) return;
    shownGemeente.current = gemeente;
    for (const id of DRAWN_LAYERS) map.setFilter(id, gemeenteFilter(gemeente));
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
    if (!ready || !map || !element || !dataReady) return;
    const run = ++colourRuns;
    element.dataset.kaartStatus = 'kleuren';
    const started = performance.mark(`kaart-kleuren-${run}`);
    // State is kept by id, also for features whose tiles are not loaded yet. Only areas whose colour
    // changed get new state: MapLibre rewrites the paint of every area whose state is set.
    const applied = appliedPaint.current;
    for (const code of codes) {
      const p = paint.get(code) ?? { kleur: null, klasse: 'geen' };
      const key = `${p.klasse} ${p.kleur}`;
      if (applied.get(code) === key) continue;
      applied.set(code, key);
      map.setFeatureState(featureOf(tileSet, code), { kleur: p.kleur, klasse: p.klasse });
    }
    performance.measure(`kaart-staat-${run}`, { start: started.startTime });
    map.once('idle', () => {
      if (run !== colourRuns) return;
      element.dataset.kaartStatus = 'gekleurd';
      element.dataset.kleurVersie = String(run);
      if (!performance.getEntriesByName('kaart-gekleurd').length) performance.mark('kaart-gekleurd');
      performance.mark(`kaart-gekleurd-${run}`);
    });
    map.triggerRepaint();
  }, [ready, dataReady, paint, codes, tileSet]);

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
