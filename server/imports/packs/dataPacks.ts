import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../../schemas/zod.ts';
import { geodataDir } from '../../config.ts';
import type { Db } from '../../db/createDatabase.ts';
import { type LoadedFile, loadFileList } from '../loadDataDirectory.ts';

// Data packs (docs/decisions/0061): geodata/packs/<id>/pack.json lists a gemeente's open data
// files; start-up loads every pack not yet loaded into this database, in folder-name order.

export const packsDir = path.join(geodataDir, 'packs');

const packFileSchema = z
  .object({
    kind: z.enum(['grenzen', 'kwb', 'elan', 'gemeentecijfers', 'reeks']),
    path: z.string().min(1),
    vintage: z.number().int().optional(),
    year: z.number().int().optional(),
    createMissingAreas: z.boolean().optional(),
    label: z.string().min(1),
  })
  .strict();

const packSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]+$/),
    naam: z.string().min(1),
    gemeente: z.string().regex(/^GM\d{4}$/),
    files: z.array(packFileSchema).min(1),
  })
  .strict();

export type DataPack = z.infer<typeof packSchema> & { folder: string };

/** The packs in `dir`, in folder-name order; a malformed pack.json throws with its folder named. */
export function readDataPacks(dir: string = packsDir): DataPack[] {
  if (!existsSync(dir)) return [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'pack.json')))
    .map((entry) => entry.name)
    .sort();
  return folders.map((name) => {
    const folder = path.join(dir, name);
    const parsed = packSchema.safeParse(JSON.parse(readFileSync(path.join(folder, 'pack.json'), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `Datapakket ${name}/pack.json klopt niet: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    if (parsed.data.id !== name)
      throw new Error(`Datapakket ${name}/pack.json heeft id '${parsed.data.id}', verwacht '${name}'.`);
    return { ...parsed.data, folder };
  });
}

/** A hash of pack.json and every file it lists, recorded with the pack. */
function packHash(pack: DataPack): string {
  const hash = createHash('sha256').update(readFileSync(path.join(pack.folder, 'pack.json')));
  for (const file of pack.files) {
    const filePath = path.join(pack.folder, file.path);
    if (existsSync(filePath)) hash.update(readFileSync(filePath));
  }
  return hash.digest('hex');
}

export interface PackLoadResult {
  id: string;
  naam: string;
  status: 'geladen' | 'al geladen' | 'mislukt';
  files: LoadedFile[];
  errors: string[];
  seconds: number;
}

/**
 * Loads every pack whose id is not yet recorded in `data_packs`. Each file is its own
 * all-or-nothing import; a pack is recorded only when all its files loaded, so a failed pack is
 * tried again on the next start (files already loaded then change nothing).
 */
export async function loadDataPacks(
  db: Db,
  options: { actor: string; dir?: string; onFile?: (pack: DataPack, file: LoadedFile) => void },
): Promise<PackLoadResult[]> {
  const packs = readDataPacks(options.dir);
  if (packs.length === 0) return [];
  const loaded = new Set((await db.selectFrom('data_packs').select('id').execute()).map((row) => row.id));
  const results: PackLoadResult[] = [];
  for (const pack of packs) {
    if (loaded.has(pack.id)) {
      results.push({ id: pack.id, naam: pack.naam, status: 'al geladen', files: [], errors: [], seconds: 0 });
      continue;
    }
    const started = performance.now();
    const summary = await loadFileList(db, pack.folder, pack.files, {
      actor: options.actor,
      onFile: (file) => options.onFile?.(pack, file),
    });
    const ok = summary.ok && summary.missingFiles.length === 0;
    if (ok) {
      await db
        .insertInto('data_packs')
        .values({ id: pack.id, pack_hash: packHash(pack), files: pack.files.length })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    results.push({
      id: pack.id,
      naam: pack.naam,
      status: ok ? 'geladen' : 'mislukt',
      files: summary.reports,
      errors: [
        ...summary.missingFiles.map((file) => `${pack.id}/${file}: bestand ontbreekt.`),
        ...summary.errors,
      ],
      seconds: (performance.now() - started) / 1000,
    });
  }
  return results;
}
