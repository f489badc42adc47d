// Pure: the GeoJSON export's fields and how they are written so a GIS reader (GDAL/OGR, QGIS) gives
// every export of a layer the same field types. GDAL infers a type from the JSON number tokens:
// "21" makes an Integer field and "21.0" a Real one, so a value column of whole numbers (inwoners)
// would become Integer in one export and Real in the next. Real fields are written with a decimal
// point always; counts are whole numbers already.

export type FieldType = 'String' | 'Integer' | 'Real';

/** Every feature's properties, in this order, with the type a GIS should read. */
export const GEOJSON_FIELDS = {
  code: 'String',
  naam: 'String',
  indicator: 'String',
  indicatornaam: 'String',
  periode: 'String',
  eenheid: 'String',
  bron: 'String',
  waarde: 'Real',
  teller: 'Integer',
  noemer: 'Integer',
  geheim: 'String',
  programma: 'String',
  horizon: 'Integer',
  streefwaarde: 'Real',
  status: 'String',
  statusLabel: 'String',
  score: 'Real',
} as const satisfies Record<string, FieldType>;

export type GeojsonField = keyof typeof GEOJSON_FIELDS;

const REAL_MARK = '\u0000real:';
const REAL_KEYS = new Set(
  Object.entries(GEOJSON_FIELDS)
    .filter(([, type]) => type === 'Real')
    .map(([key]) => key),
);

/**
 * JSON text of a feature collection whose Real properties always carry a decimal point (21 → 21.0).
 * Only keys inside `properties` objects are touched; coordinates and top-level members are not.
 */
export function stringifyGeojson(collection: unknown): string {
  let insideProperties = new WeakSet<object>();
  const text = JSON.stringify(collection, function (this: unknown, key, value) {
    if (key === 'properties' && value && typeof value === 'object') insideProperties.add(value);
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      REAL_KEYS.has(key) &&
      this &&
      typeof this === 'object' &&
      insideProperties.has(this)
    ) {
      return `${REAL_MARK}${value}`;
    }
    return value;
  });
  insideProperties = new WeakSet();
  return text.replace(/"\\u0000real:(-?\d+)"/g, '$1.0');
}
