import { sql } from 'kysely';
import type { NewArea } from '../db/Database.ts';
import type { ParsedArea } from './boundaries/parseBoundaries.ts';
import type { Executor, WriteCounts } from './writeObservations.ts';

/** A readable name for an area the file did not name (CBS itself calls unnamed wijken "Wijk 09"). */
export function fallbackName(code: string): string {
  if (code.startsWith('WK')) return `Wijk ${code.slice(6, 8)}`;
  if (code.startsWith('BU')) return `Buurt ${code.slice(8, 10)}`;
  return code;
}

export function isFallbackName(name: string): boolean {
  return /^(Wijk|Buurt) [0-9A-Z]{2}$/.test(name);
}

/**
 * Fills in names the file lacked: the name this code already has in this vintage, else a
 * CBS-style fallback ("Wijk 09"). Names of other vintages are not borrowed: the same code can be
 * a different area in another indeling (WK191609 held Voorburg Midden and Voorburg Oud in 2017).
 */
export async function resolveAreaNames(db: Executor, areas: ParsedArea[]): Promise<void> {
  const unnamed = areas.filter((area) => !area.name);
  if (unnamed.length === 0) return;
  const known = await db
    .selectFrom('areas')
    .select(['code', 'vintage', 'name'])
    .where('code', 'in', [...new Set(unnamed.map((area) => area.code))])
    .execute();
  for (const area of unnamed) {
    area.name =
      known.find((row) => row.code === area.code && row.vintage === area.vintage)?.name ??
      fallbackName(area.code);
  }
}

function toRow(area: ParsedArea, importId: number | null, source: string): NewArea {
  return {
    code: area.code,
    vintage: area.vintage,
    level: area.level,
    name: area.name ?? fallbackName(area.code),
    parent_code: area.parentCode,
    gemeente_code: area.gemeenteCode,
    geometry: area.geometry ? JSON.stringify(area.geometry) : null,
    bbox: area.bbox ? JSON.stringify(area.bbox) : null,
    source,
    import_id: importId,
  };
}

/**
 * Upserts areas on (code, vintage). An area whose name, parent and geometry are unchanged is
 * left alone; a changed one is updated in place (boundaries have no history table: a vintage's
 * boundaries are fixed, a changed file is a correction of the copy, not of the world).
 */
/** A json column read back, in the form toRow writes it: null stays null (not the text "null"). */
const asStored = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

export async function writeAreas(
  db: Executor,
  areas: ParsedArea[],
  importId: number | null,
  source: string,
  options: { dryRun?: boolean } = {},
): Promise<WriteCounts> {
  const counts: WriteCounts = { rowsNew: 0, rowsCorrected: 0, rowsUnchanged: 0 };
  const vintages = [...new Set(areas.map((area) => area.vintage))];
  const existing = new Map(
    vintages.length === 0
      ? []
      : (
          await db
            .selectFrom('areas')
            .select(['code', 'vintage', 'level', 'name', 'parent_code', 'gemeente_code', 'geometry', 'bbox'])
            .where('vintage', 'in', vintages)
            .execute()
        ).map((row) => [`${row.code}|${row.vintage}`, row] as const),
  );
  const inserts: NewArea[] = [];
  for (const area of areas) {
    const row = toRow(area, importId, source);
    const current = existing.get(`${area.code}|${area.vintage}`);
    if (!current) {
      inserts.push(row);
      continue;
    }
    const same =
      current.level === row.level &&
      current.name === row.name &&
      current.parent_code === row.parent_code &&
      current.gemeente_code === row.gemeente_code &&
      asStored(current.geometry) === row.geometry &&
      asStored(current.bbox) === row.bbox;
    if (same) {
      counts.rowsUnchanged++;
      continue;
    }
    counts.rowsCorrected++;
    if (options.dryRun) continue;
    await db
      .updateTable('areas')
      .set({
        level: row.level,
        name: row.name,
        parent_code: row.parent_code,
        gemeente_code: row.gemeente_code,
        geometry: row.geometry,
        bbox: row.bbox,
        source,
        import_id: importId,
      })
      .where('code', '=', area.code)
      .where('vintage', '=', area.vintage)
      .execute();
  }
  counts.rowsNew = inserts.length;
  if (!options.dryRun) {
    for (let start = 0; start < inserts.length; start += 500) {
      await db
        .insertInto('areas')
        .values(inserts.slice(start, start + 500))
        .execute();
    }
    // After many new areas, fresh statistics: the foreign-key checks of the observations that
    // follow in the same transaction otherwise keep a plan made for a tiny table (a sequential
    // scan per inserted row: minutes instead of seconds for a national KWB file).
    if (inserts.length >= 1000) await sql`analyze areas`.execute(db);
  }
  return counts;
}
