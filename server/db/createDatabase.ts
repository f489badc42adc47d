import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './Database.ts';
import { lockEmbeddedDatabase } from './embeddedLock.ts';
import { prepareDataDir } from './prepareDataDir.ts';

// PostgreSQL returns bigint (int8) and numeric as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export type Db = Kysely<Database>;

export interface DatabaseTarget {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database, or `memory://`. */
  dataDir?: string;
}

/** One Kysely instance over either a PostgreSQL server (when a URL is given) or embedded PGlite. */
export function createDatabase(target: DatabaseTarget): Db {
  if (target.databaseUrl) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.databaseUrl, max: 10 }) }),
    });
  }
  const dataDir = target.dataDir ?? 'memory://';
  prepareDataDir(dataDir);
  return new Kysely<Database>({
    dialect: new PGliteDialect({
      pglite: async () => {
        // One process per directory (decision 0080): throws EmbeddedDatabaseInUseError otherwise.
        const release = dataDir.includes('://') ? () => {} : lockEmbeddedDatabase(dataDir);
        try {
          const pglite = new PGlite(dataDir, {
            parsers: { 20: (value: string) => Number(value), 1700: (value: string) => Number(value) },
          });
          await pglite.waitReady;
          const close = pglite.close.bind(pglite);
          pglite.close = async () => {
            try {
              await close();
            } finally {
              release();
            }
          };
          return pglite;
        } catch (error) {
          release();
          throw error;
        }
      },
    }),
  });
}

export function databaseKind(target: DatabaseTarget): 'postgresql' | 'pglite' {
  return target.databaseUrl ? 'postgresql' : 'pglite';
}
