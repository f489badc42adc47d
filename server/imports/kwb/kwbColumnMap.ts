import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../../schemas/zod.ts';
import type { AreaLevel } from '../../db/Database.ts';
import { readCbsTables } from '../catalogue/cbsTables.ts';
import { geodataDir } from '../catalogue/indicatorCatalogue.ts';

const levelRounding = z.object({
  gemeente: z.number().positive().optional(),
  wijk: z.number().positive().optional(),
  buurt: z.number().positive().optional(),
});

const kwbColumnMapSchema = z.object({
  toelichting: z.string(),
  boundaryVintageByYear: z.record(z.string().regex(/^\d{4}$/), z.number().int()),
  regionCodeColumns: z.array(z.string()).min(1),
  columns: z.record(
    z.string(),
    z.object({
      indicator: z.string(),
      countRounding: levelRounding.optional(),
      valueRounding: z.number().positive().optional(),
      /** Columns (without suffix) holding the numerator and denominator of this share. */
      numeratorColumn: z.string().optional(),
      denominatorColumn: z.string().optional(),
    }),
  ),
});

/** The column map plus the KWB table id per year, which lives in geodata/cbs-tables.json. */
export type KwbColumnMap = z.infer<typeof kwbColumnMapSchema> & { tables: Record<string, string> };
export type KwbColumn = KwbColumnMap['columns'][string];

let cached: KwbColumnMap | undefined;

/** geodata/kwb-columns.json: KWB column names (without suffix) → indicators and vintages per year; table ids from cbs-tables.json. */
export function readKwbColumnMap(): KwbColumnMap {
  cached ??= {
    ...kwbColumnMapSchema.parse(JSON.parse(readFileSync(path.join(geodataDir, 'kwb-columns.json'), 'utf8'))),
    tables: readCbsTables().kwb,
  };
  return cached;
}

/** CBS OData keys carry a position suffix that changes between years: `HuishoudensTotaal_29` → `HuishoudensTotaal`. */
export function stripColumnSuffix(key: string): string {
  return key.trim().replace(/_\d+$/, '');
}

/**
 * The boundary vintage (indeling) a KWB year's regions belong to. The one place this is decided:
 * geodata/kwb-columns.json `boundaryVintageByYear`; years after the last entry use the newest vintage.
 */
export function boundaryVintageForKwbYear(
  year: number,
  map: KwbColumnMap = readKwbColumnMap(),
): number | undefined {
  const exact = map.boundaryVintageByYear[String(year)];
  if (exact !== undefined) return exact;
  const years = Object.keys(map.boundaryVintageByYear)
    .map(Number)
    .sort((a, b) => a - b);
  const last = years.at(-1);
  if (last !== undefined && year > last) return map.boundaryVintageByYear[String(last)];
  return undefined;
}

/** The KWB year a table id or file name points at, e.g. `85984NED` or `kwb2017_…` → 2024 / 2017. */
export function kwbYearFromName(name: string, map: KwbColumnMap = readKwbColumnMap()): number | undefined {
  for (const [year, tableId] of Object.entries(map.tables)) if (name.includes(tableId)) return Number(year);
  const match = /(?:kwb|KWB)[-_ ]?(20\d\d)/.exec(name) ?? /(?<!\d)(20\d\d)(?!\d)/.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function tableIdForYear(year: number, map: KwbColumnMap = readKwbColumnMap()): string | undefined {
  return map.tables[String(year)];
}

export function levelOfCode(code: string): AreaLevel | undefined {
  if (/^NL\d{2}$/.test(code)) return 'land';
  if (/^GM\d{4}$/.test(code)) return 'gemeente';
  // Wijk and buurt parts are alphanumeric since CBS 2022 (Amsterdam: BU0363TA06).
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return 'wijk';
  if (/^BU\d{4}[0-9A-Z]{4}$/.test(code)) return 'buurt';
  return undefined;
}

/** Parent code by the CBS code convention: BU19160200 → WK191602 → GM1916 → NL00. */
export function parentCodeOf(code: string): string | null {
  if (code.startsWith('BU')) return `WK${code.slice(2, 8)}`;
  if (code.startsWith('WK')) return `GM${code.slice(2, 6)}`;
  if (code.startsWith('GM')) return 'NL00';
  return null;
}

export function gemeenteCodeOf(code: string): string | null {
  if (code.startsWith('BU') || code.startsWith('WK') || code.startsWith('GM')) return `GM${code.slice(2, 6)}`;
  return null;
}
