import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../../schemas/zod.ts';
import { boundaryVintageForYear, boundaryVintageTableSchema } from '../../areas/vintageForPeriod.ts';
import { geodataDir } from '../../config.ts';
import { readCbsTables } from '../catalogue/cbsTables.ts';

const levelRounding = z.object({
  gemeente: z.number().positive().optional(),
  wijk: z.number().positive().optional(),
  buurt: z.number().positive().optional(),
});

const kwbColumnMapSchema = z.object({
  toelichting: z.string(),
  boundaryVintageByYear: boundaryVintageTableSchema,
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

/** The boundary vintage (indeling) of a KWB year; the rule lives in areas/vintageForPeriod.ts. */
export function boundaryVintageForKwbYear(
  year: number,
  map: KwbColumnMap = readKwbColumnMap(),
): number | undefined {
  return boundaryVintageForYear(year, map.boundaryVintageByYear);
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
