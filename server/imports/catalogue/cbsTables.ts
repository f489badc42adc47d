import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../../schemas/zod.ts';
import { geodataDir } from '../../config.ts';

const yearKey = z.string().regex(/^\d{4}$/);
const tableId = z.string().regex(/^\d{5}NED$/);

const cbsTablesSchema = z.object({
  toelichting: z.string(),
  kwb: z.record(yearKey, tableId),
  arbeidsdeelname: z.object({
    tables: z.record(yearKey, tableId),
    /** Dimension → the Title of the one category to read (CBS keys differ between tables). */
    selectie: z.record(z.string(), z.string()),
  }),
  pdok: z.record(yearKey, z.string().regex(/^[a-z0-9-]+$/)),
});

export type CbsTables = z.infer<typeof cbsTablesSchema>;

let cached: CbsTables | undefined;

/** geodata/cbs-tables.json: the one place a CBS table id is tied to a year. */
export function readCbsTables(): CbsTables {
  cached ??= cbsTablesSchema.parse(
    JSON.parse(readFileSync(path.join(geodataDir, 'cbs-tables.json'), 'utf8')),
  );
  return cached;
}

/** "Kerncijfers wijken en buurten 2024" or "Arbeidsdeelname; wijken en buurten, 2023", for a source label. */
export function cbsTableTitle(id: string, tables: CbsTables = readCbsTables()): string | undefined {
  for (const [year, candidate] of Object.entries(tables.kwb))
    if (candidate === id) return `Kerncijfers wijken en buurten ${year}`;
  for (const [year, candidate] of Object.entries(tables.arbeidsdeelname.tables))
    if (candidate === id) return `Arbeidsdeelname; wijken en buurten, ${year}`;
  return undefined;
}
