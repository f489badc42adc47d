import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  MapLayerMouseEvent,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { getJson } from '../shared/api.ts';
import { loadMapLibre } from './loadMapLibre.ts';
import { type PatternName, patternImage } from './mapPatterns.ts';

/** What one area looks like: a colour, or one of the two patterns. */
export interface AreaPaint {
  kleur: string | null;
  klasse: 'waarde' | 'geen' | 'geheim';
}

export interface ChoroplethMapProps {
  /** GeoJSON of one boundary vintage; fetched once per URL, never again when only colours change. */
  geometryUrl: string;
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

/** Feature ids must be the area code so feature state can be set by code; sources differ in the property name. */
function normalise(geojson: FeatureCollection): FeatureCollection {
  for (const feature of geojson.features) {
    feature.properties = feature.properties ?? {};
    const p = feature.properties;
    p.code ??= p.gebiedCode ?? p.buurtcode ?? p.wijkcode ?? p.statcode ?? feature.id;
    p.naam ??= p.gebiedNaam ?? p.buurtnaam ?? p.wijknaam ?? p.statnaam ?? p.code;
  }
  return geojson;
}

function bounds(geojson: FeatureCollection): [number, number, number, number] | null {
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

let colourRuns = 0;

/**
 * The choropleth. MapLibre is imported dynamically so it never blocks the first view. Geometry is
 * a GeoJSON source keyed by area code (promoteId); colours are feature state, so a new indicator
 * or year only calls setFeatureState and never sends geometry to the GPU worker again.
 */
export function ChoroplethMap({
  geometryUrl,
  paint,
  outline,
  fitTo,
  selected,
  onSelect,
  describe,
  label,
}: ChoroplethMapProps) {
  const fitToRef = useRef(fitTo);
  fitToRef.current = fitTo;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const codesRef = useRef<string[]>([]);
  const [ready, setReady] = useState(false);
  const [geometryVersion, setGeometryVersion] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // Create the map once; a new accessible title does not need a new map.
  // biome-ignore lint/correctness/useExhaustiveDependencies: label is read once at creation
  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    (async () => {
      const maplibre = await loadMapLibre();
      if (cancelled || !container.current) return;
      map = new maplibre.Map({
        container: container.current,
        style: basemapStyle(),
        center: [4.4, 52.08],
        zoom: 11,
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
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          promoteId: 'code',
        });
        const isClass = (klasse: string): ExpressionSpecification => [
          '==',
          ['feature-state', 'klasse'],
          klasse,
        ];
        map.addLayer({
          id: 'gebied-vlak',
          type: 'fill',
          source: SOURCE,
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
            source: SOURCE,
            paint: { 'fill-pattern': pattern, 'fill-opacity': ['case', isClass(klasse), 1, 0] },
          });
        }
        map.addLayer({
          id: 'gebied-grens',
          type: 'line',
          source: SOURCE,
          paint: { 'line-color': '#ffffff', 'line-width': 1 },
        });
        map.addLayer({
          id: 'gebied-grens-donker',
          type: 'line',
          source: SOURCE,
          paint: { 'line-color': '#5b6670', 'line-width': 0.4 },
        });
        map.addLayer({
          id: 'programmagebied',
          type: 'line',
          source: SOURCE,
          filter: ['in', ['get', 'code'], ['literal', []]],
          paint: { 'line-color': '#1d1d1b', 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
        });
        map.addLayer({
          id: 'gebied-actief',
          type: 'line',
          source: SOURCE,
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
            map?.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
          if (code) map?.setFeatureState({ source: SOURCE, id: code }, { hover: true });
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
            text: describeRef.current(code, String(feature?.properties?.naam ?? code)),
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

  // Geometry: once per vintage URL.
  useEffect(() => {
    if (!ready) return;
    let live = true;
    getJson<FeatureCollection>(geometryUrl)
      .then((raw) => {
        const map = mapRef.current;
        if (!live || !map) return;
        const geojson = normalise(structuredClone(raw));
        codesRef.current = geojson.features.map((f) => String(f.properties?.code));
        (map.getSource(SOURCE) as GeoJSONSource).setData(geojson);
        const fit = new Set(fitToRef.current ?? []);
        const fitted = geojson.features.filter((f) => fit.has(String(f.properties?.code)));
        const box = bounds(fitted.length > 0 ? { ...geojson, features: fitted } : geojson);
        if (box) map.fitBounds(box, { padding: 24, animate: false });
        // The box fitted to, readable by a test and a print check (the programme area on the report).
        if (box && container.current) container.current.dataset.kaartUitsnede = box.join(',');
        setGeometryVersion((v) => v + 1);
      })
      .catch((error: Error) => live && setFailed(`De grenzen konden niet worden geladen: ${error.message}`));
    return () => {
      live = false;
    };
  }, [ready, geometryUrl]);

  // Colours: feature state only.
  useEffect(() => {
    const map = mapRef.current;
    const element = container.current;
    if (!ready || !map || !element || geometryVersion === 0) return;
    const run = ++colourRuns;
    element.dataset.kaartStatus = 'kleuren';
    for (const code of codesRef.current) {
      const p = paint.get(code) ?? { kleur: null, klasse: 'geen' };
      map.setFeatureState({ source: SOURCE, id: code }, { kleur: p.kleur, klasse: p.klasse });
    }
    map.once('idle', () => {
      if (run !== colourRuns) return;
      element.dataset.kaartStatus = 'gekleurd';
      element.dataset.kleurVersie = String(run);
      if (!performance.getEntriesByName('kaart-gekleurd').length) performance.mark('kaart-gekleurd');
      performance.mark(`kaart-gekleurd-${run}`);
    });
    map.triggerRepaint();
  }, [ready, paint, geometryVersion]);

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
    if (!ready || !map || geometryVersion === 0 || !selected) return;
    map.setFeatureState({ source: SOURCE, id: selected }, { gekozen: true });
    return () => {
      if (mapRef.current?.getSource(SOURCE)) {
        mapRef.current.setFeatureState({ source: SOURCE, id: selected }, { gekozen: false });
      }
    };
  }, [ready, selected, geometryVersion]);

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
