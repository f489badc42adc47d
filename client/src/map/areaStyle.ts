import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { TileSet } from '../../../schemas/mapTiles.ts';

export const SOURCE = 'gebieden';

/** The layers that draw areas; a gemeente filter applies to each. */
export const DRAWN_LAYERS = [
  'gebied-vlak',
  'gebied-geen',
  'gebied-geheim',
  'gebied-grens',
  'gebied-grens-donker',
];

/** Tile URLs must be absolute for MapLibre's worker; the template's braces must stay unencoded. */
const absolute = (path: string) => (path.startsWith('/') ? `${window.location.origin}${path}` : path);

const isClass = (klasse: string): ExpressionSpecification => ['==', ['feature-state', 'klasse'], klasse];

/** The area layers over one tile set; colours and patterns follow feature state (kleur, klasse). */
function areaLayers(tileSet: TileSet, filter: FilterSpecification | null): LayerSpecification[] {
  const inSource = {
    source: SOURCE,
    'source-layer': tileSet.bronlaag,
    ...(filter ? { filter } : {}),
  } as const;
  return [
    {
      id: 'gebied-vlak',
      type: 'fill',
      ...inSource,
      // One state-dependent paint property, not two: every one is rewritten for every area on a
      // recolour, which a national layer feels (decision 0108).
      paint: {
        'fill-color': [
          'case',
          isClass('waarde'),
          ['coalesce', ['feature-state', 'kleur'], '#ffffff'],
          'rgba(255, 255, 255, 0)',
        ],
        'fill-opacity': 0.92,
      },
    },
    // fill-pattern cannot follow feature state, fill-opacity can: one pattern layer per class.
    ...(
      [
        ['geen', 'patroon-geen'],
        ['geheim', 'patroon-geheim'],
      ] as const
    ).map(
      ([klasse, pattern]): LayerSpecification => ({
        id: `gebied-${klasse}`,
        type: 'fill',
        ...inSource,
        paint: { 'fill-pattern': pattern, 'fill-opacity': ['case', isClass(klasse), 1, 0] },
      }),
    ),
    {
      id: 'gebied-grens',
      type: 'line',
      ...inSource,
      paint: { 'line-color': '#ffffff', 'line-width': 1 },
    },
    {
      id: 'gebied-grens-donker',
      type: 'line',
      ...inSource,
      paint: { 'line-color': '#5b6670', 'line-width': 0.4 },
    },
    {
      id: 'programmagebied',
      type: 'line',
      source: SOURCE,
      'source-layer': tileSet.bronlaag,
      filter: ['in', ['get', 'code'], ['literal', []]],
      paint: { 'line-color': '#1d1d1b', 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
    },
    {
      id: 'gebied-actief',
      type: 'line',
      source: SOURCE,
      'source-layer': tileSet.bronlaag,
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
    },
  ];
}

/**
 * The style with the areas' source and layers in it. Given to MapLibre as `transformStyle`, so the
 * tiles are asked for as soon as the style is read, not after the first frame and the `load`
 * event (decision 0108); with a basemap URL the areas go over the basemap's layers.
 */
export function withAreas(
  style: StyleSpecification,
  tileSet: TileSet,
  filter: FilterSpecification | null,
): StyleSpecification {
  return {
    ...style,
    sources: {
      ...style.sources,
      [SOURCE]: {
        type: 'vector',
        tiles: tileSet.tegels.map(absolute),
        minzoom: tileSet.minzoom,
        maxzoom: tileSet.maxzoom,
        ...(tileSet.bounds ? { bounds: tileSet.bounds } : {}),
        promoteId: 'code',
      },
    },
    layers: [...style.layers, ...areaLayers(tileSet, filter)],
  };
}
