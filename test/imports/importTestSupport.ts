import { readFileSync } from 'node:fs';
import path from 'node:path';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import {
  type ImportFileInput,
  type ImportFileKind,
  type ImportReport,
  importFile,
} from '../../server/imports/importFile.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

export const fixtureDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'imports');

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(path.join(fixtureDir, name));
}

/** A fresh migrated database with the indicator catalogue loaded, as start-up leaves it. */
export async function createImportTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await upsertIndicatorCatalogue(database.db);
  return database;
}

export async function importBytes(
  database: TestDatabase,
  kind: ImportFileKind,
  fileName: string,
  bytes: Uint8Array,
  extra: Partial<ImportFileInput> & { dryRun?: boolean; createMissingAreas?: boolean } = {},
): Promise<ImportReport> {
  const { dryRun = false, createMissingAreas, ...input } = extra;
  return importFile(
    database.db,
    { kind, fileName, bytes, actor: 'test', ...input },
    { dryRun, ...(createMissingAreas === undefined ? {} : { createMissingAreas }) },
  );
}

/** Row counts of every table an import may touch, to prove that a refused file wrote nothing. */
export async function tableCounts(database: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['areas', 'observations', 'observation_revisions', 'imports', 'audit_log'] as const) {
    const row = await database.db
      .selectFrom(table)
      .select(database.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
