import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './createDatabase.ts';
import { EmbeddedDatabaseInUseError } from './embeddedLock.ts';

const migrationFolder = path.resolve(import.meta.dirname, '..', '..', 'migrations');

/** Runs every pending migration in migrations/; throws when one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // Not a migration's fault: the database could not be opened at all (one sentence for the user).
    if (error instanceof EmbeddedDatabaseInUseError) throw error;
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migratie ${failed?.migrationName ?? '?'} is mislukt: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
