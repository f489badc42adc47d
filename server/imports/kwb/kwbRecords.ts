import { levelOfCode } from '../../areas/areaCodes.ts';
import { type KwbColumnMap, stripColumnSuffix } from './kwbColumnMap.ts';

// The KWB file's records, whatever their form (CSV rows or JSON objects), and the column with the region code.

export interface KwbRecord {
  line: number;
  get: (key: string) => unknown; // original column key → raw value
}

export function findRegionCodeKey(
  keys: string[],
  records: KwbRecord[],
  columnMap: KwbColumnMap,
): string | undefined {
  for (const wanted of columnMap.regionCodeColumns) {
    const key = keys.find((candidate) => stripColumnSuffix(candidate) === wanted);
    if (!key) continue;
    if (wanted === 'Codering') return key;
    // WijkenEnBuurten holds codes in the raw OData download but names in label exports.
    const sample = records.slice(0, 5).map((record) => String(record.get(key) ?? '').trim());
    if (sample.length === 0 || sample.every((value) => levelOfCode(value) !== undefined)) return key;
  }
  return undefined;
}

type JsonRecords =
  | { ok: true; keys: string[]; records: KwbRecord[]; tableId: string | undefined }
  | { ok: false; message: string };

/** Accepts the OData shape `{ value: [...] }`, a bare array of records, or `{ rows: [...], table }`. */
export function readJsonRecords(text: string): JsonRecords {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Het bestand is geen geldige JSON: ${(error as Error).message}` };
  }
  let rows: unknown;
  let tableId: string | undefined;
  if (Array.isArray(data)) rows = data;
  else if (data && typeof data === 'object') {
    const object = data as Record<string, unknown>;
    rows = object.value ?? object.rows;
    const metadata = object['odata.metadata'];
    const candidate =
      typeof object.table === 'string' ? object.table : typeof metadata === 'string' ? metadata : '';
    tableId = /\d{5}NED/.exec(candidate)?.[0];
  }
  if (!Array.isArray(rows)) {
    return {
      ok: false,
      message: 'De JSON bevat geen lijst met records (verwacht: "value": [...] of een lijst).',
    };
  }
  const keys = new Set<string>();
  const records: KwbRecord[] = [];
  rows.forEach((row, index) => {
    if (!row || typeof row !== 'object') return;
    const values = row as Record<string, unknown>;
    for (const key of Object.keys(values)) keys.add(key);
    records.push({ line: index + 1, get: (key) => (Object.hasOwn(values, key) ? values[key] : undefined) });
  });
  return { ok: true, keys: [...keys], records, tableId };
}
