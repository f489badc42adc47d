import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { gemeenteCodeOf, levelOfCode, parentCodeOf } from '../../areas/areaCodes.ts';
import type { AreaLevel } from '../../db/Database.ts';
import type { RowError } from '../observationRow.ts';
import { rowError } from '../observationRow.ts';
import { polygonShapeProblem } from './checkPolygonShape.ts';
import {
  boundingBox,
  detectCrs,
  firstPosition,
  mapPositions,
  rdPointToWgs84,
  type SourceCrs,
} from './reproject.ts';
import { simplifyLayers } from './simplifyLayers.ts';

export interface ParsedArea {
  code: string;
  vintage: number;
  level: AreaLevel;
  /** Null when the file gives none (derived wijken of 2017); the write step finds one. */
  name: string | null;
  parentCode: string | null;
  gemeenteCode: string | null;
  geometry: Polygon | MultiPolygon | null;
  bbox: [number, number, number, number] | null;
  /** True for wijken/gemeenten merged from the buurten of this file. */
  derived: boolean;
}

export interface BoundaryParseResult {
  vintage: number | undefined;
  crs: SourceCrs | undefined;
  areas: ParsedArea[];
  errors: RowError[];
  warnings: RowError[];
  featuresTotal: number;
}

// Property names differ per publisher: CBS/PDOK (buurtcode, wijkcode, gemeentecode), the CBS
// gebiedsindelingen (statcode/statnaam), cartomap/nl (statcode, gmCode), shapefile exports (BU_CODE).
const CODE_KEYS = [
  'statcode',
  'buurtcode',
  'bu_code',
  'wijkcode',
  'wk_code',
  'gemeentecode',
  'gm_code',
  'gmcode',
  'code',
  'identificatie',
];
const NAME_KEYS: Record<AreaLevel, string[]> = {
  buurt: ['statnaam', 'buurtnaam', 'bu_naam', 'naam', 'name'],
  wijk: ['statnaam', 'wijknaam', 'wk_naam', 'naam', 'name'],
  gemeente: ['statnaam', 'gemeentenaam', 'gm_naam', 'naam', 'name'],
  land: ['statnaam', 'naam', 'name'],
  programmagebied: ['naam', 'name'],
};

/**
 * Parses a GeoJSON boundary file (RD New or WGS84) into areas in WGS84, simplified on a shared
 * topology. When the file holds buurten but no wijken (or no gemeente), those layers are derived
 * by merging the buurten. Pure: no database.
 */
export function parseBoundaries(
  text: string,
  options: { fileName: string; vintage?: number | undefined; simplify?: boolean },
): BoundaryParseResult {
  const result: BoundaryParseResult = {
    vintage: undefined,
    crs: undefined,
    areas: [],
    errors: [],
    warnings: [],
    featuresTotal: 0,
  };
  const fail = (message: string) => {
    result.errors.push(rowError(0, undefined, message));
    return result;
  };
  if (text.trim() === '') return fail('Het bestand is leeg.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`Het bestand is geen geldige GeoJSON: ${(error as Error).message}`);
  }
  const collection = data as { type?: unknown; features?: unknown; crs?: { properties?: { name?: string } } };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return fail(
      'Het bestand is geen GeoJSON FeatureCollection (verwacht "type": "FeatureCollection" met "features").',
    );
  }
  const features = collection.features as Feature[];
  result.featuresTotal = features.length;
  if (features.length === 0) return fail('Het bestand bevat geen gebieden (geen features).');

  const sample = features
    .filter((item) => {
      // A malformed polygon cannot say which coordinate system the file uses (it is refused below).
      const geometry = item?.geometry as Polygon | MultiPolygon | null | undefined;
      if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return true;
      return polygonShapeProblem(geometry) === null;
    })
    .map((item) => firstPosition(item?.geometry))
    .find((position) => position !== undefined);
  // Without any geometry there is nothing to reproject; the areas are stored without a shape.
  const crs = sample ? detectCrs(collection.crs?.properties?.name, sample) : 'wgs84';
  if (!crs) {
    return fail('Het coördinatenstelsel is onbekend: verwacht RD New (EPSG:28992) of WGS84 (EPSG:4326).');
  }
  result.crs = crs;

  const propertyVintage = Number((features[0]?.properties as Record<string, unknown> | null)?.jaar);
  const nameVintage = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(options.fileName)?.[1];
  const vintage =
    options.vintage ??
    (Number.isInteger(propertyVintage) && propertyVintage > 1900 ? propertyVintage : undefined) ??
    (nameVintage ? Number(nameVintage) : undefined);
  if (vintage === undefined) {
    return fail(
      'Het jaar van de gebiedsindeling is onbekend: noem het in de bestandsnaam (bijv. buurten_2022) of geef het op (--indeling 2022).',
    );
  }
  result.vintage = vintage;

  interface Collected {
    code: string;
    level: AreaLevel;
    name: string | null;
    wijkName: string | null;
    gemeenteName: string | null;
    geometry: Polygon | MultiPolygon | null;
    number: number;
  }
  const collected = new Map<string, Collected>();
  let waterSkipped = 0;
  let nullGeometries = 0;
  features.forEach((item, index) => {
    const number = index + 1;
    const properties = lowerCaseKeys((item?.properties ?? {}) as Record<string, unknown>);
    if (String(properties.water ?? '').toUpperCase() === 'JA') {
      waterSkipped++;
      return;
    }
    const code = findCode(properties, item?.id);
    if (!code) {
      result.errors.push(
        rowError(
          0,
          'code',
          `Gebied ${number}: geen CBS-gebiedscode gevonden (verwacht een eigenschap als buurtcode, wijkcode, gemeentecode of statcode).`,
        ),
      );
      return;
    }
    const level = levelOfCode(code)!;
    const given = item.geometry as Geometry | null;
    // CBS publishes a few areas (BU15810109, BU09880103 in 2014) as a MultiPolygon without parts:
    // an area without a shape, like a null geometry, not a broken file.
    const geometry = given?.type === 'MultiPolygon' && given.coordinates.length === 0 ? null : given;
    if (geometry && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      result.errors.push(
        rowError(
          0,
          'geometry',
          `Gebied ${number} (${code}): de geometrie is een ${geometry.type}; verwacht Polygon of MultiPolygon.`,
        ),
      );
      return;
    }
    const shape = geometry ? polygonShapeProblem(geometry as Polygon | MultiPolygon) : null;
    if (shape) {
      result.errors.push(
        rowError(0, 'geometry', `Gebied ${number} (${code}): ongeldige coördinaten: ${shape}.`),
      );
      return;
    }
    if (!geometry) nullGeometries++;
    const projected =
      geometry && crs === 'rd'
        ? (mapPositions(geometry, rdPointToWgs84) as Polygon | MultiPolygon)
        : (geometry as Polygon | MultiPolygon | null);
    const text = (keys: string[]) => {
      for (const key of keys) {
        const value = properties[key];
        if (typeof value === 'string' && value.trim() !== '') return value.trim();
      }
      return null;
    };
    const entry: Collected = {
      code,
      level,
      name: text(NAME_KEYS[level]),
      wijkName: text(['wijknaam', 'wk_naam']),
      gemeenteName: text(['gemeentenaam', 'gm_naam']),
      geometry: projected,
      number,
    };
    const earlier = collected.get(code);
    if (earlier) {
      // Some publications split an area into several features: keep them as one MultiPolygon.
      earlier.geometry = combine(earlier.geometry, projected);
      result.warnings.push(
        rowError(
          0,
          'code',
          `Gebied ${code} komt meer dan eens voor (ook gebied ${earlier.number}); de delen zijn samengevoegd.`,
        ),
      );
      return;
    }
    collected.set(code, entry);
  });
  if (waterSkipped > 0)
    result.warnings.push(
      rowError(0, 'water', `${waterSkipped} watervlakken (water = JA) zijn overgeslagen.`),
    );
  if (nullGeometries > 0)
    result.warnings.push(
      rowError(
        0,
        'geometry',
        `${nullGeometries} gebieden hebben geen geometrie; ze worden zonder vorm opgeslagen.`,
      ),
    );
  if (result.errors.length > 0) return result;

  const entries = [...collected.values()];
  const levelsInFile = new Set(entries.map((entry) => entry.level));
  const groups = new Map<string, string[]>();
  const derivedNames = new Map<string, string | null>();
  const addToGroup = (groupCode: string, member: string, name: string | null) => {
    const members = groups.get(groupCode) ?? [];
    members.push(member);
    groups.set(groupCode, members);
    if (!derivedNames.get(groupCode)) derivedNames.set(groupCode, name);
  };
  const lowest = levelsInFile.has('buurt') ? 'buurt' : levelsInFile.has('wijk') ? 'wijk' : undefined;
  for (const entry of entries) {
    if (entry.level !== lowest) continue;
    if (lowest === 'buurt' && !levelsInFile.has('wijk'))
      addToGroup(parentCodeOf(entry.code)!, entry.code, entry.wijkName);
    if (!levelsInFile.has('gemeente'))
      addToGroup(gemeenteCodeOf(entry.code)!, entry.code, entry.gemeenteName);
  }

  const layers =
    options.simplify === false
      ? {
          simplified: new Map(entries.map((entry) => [entry.code, entry.geometry] as const)),
          merged: new Map([...groups.keys()].map((code) => [code, null] as const)),
        }
      : simplifyLayers(
          entries.map((entry) => ({ code: entry.code, geometry: entry.geometry })),
          groups,
        );
  for (const entry of entries) {
    const geometry = layers.simplified.get(entry.code) ?? null;
    result.areas.push({
      code: entry.code,
      vintage,
      level: entry.level,
      name: entry.name,
      parentCode: parentCodeOf(entry.code),
      gemeenteCode: gemeenteCodeOf(entry.code),
      geometry,
      bbox: boundingBox(geometry),
      derived: false,
    });
  }
  for (const [code, geometry] of layers.merged) {
    result.areas.push({
      code,
      vintage,
      level: levelOfCode(code)!,
      name: derivedNames.get(code) ?? null,
      parentCode: parentCodeOf(code),
      gemeenteCode: gemeenteCodeOf(code),
      geometry,
      bbox: boundingBox(geometry),
      derived: true,
    });
  }
  return result;
}

function lowerCaseKeys(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key.toLowerCase(), value]));
}

function findCode(properties: Record<string, unknown>, id: unknown): string | undefined {
  for (const key of CODE_KEYS) {
    const value = properties[key];
    if (typeof value === 'string' && levelOfCode(value.trim())) return value.trim();
  }
  if (typeof id === 'string' && levelOfCode(id.trim())) return id.trim();
  return undefined;
}

function combine(
  first: Polygon | MultiPolygon | null,
  second: Polygon | MultiPolygon | null,
): Polygon | MultiPolygon | null {
  if (!first) return second;
  if (!second) return first;
  const parts = (geometry: Polygon | MultiPolygon) =>
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return { type: 'MultiPolygon', coordinates: [...parts(first), ...parts(second)] };
}
