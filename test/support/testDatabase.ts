import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Db } from '../../server/db/createDatabase.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export interface TestDatabase {
  db: Db;
  kind: 'postgresql' | 'pglite';
  /** The URL of the throw-away database on the server, when running against PostgreSQL. */
  databaseUrl: string | undefined;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or, when
 * DATABASE_URL is set, a new database created on that PostgreSQL server and dropped afterwards.
 * Test files never share data, so they can run in parallel against one server.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = createDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    return { db, kind: 'pglite', databaseUrl: undefined, destroy: () => db.destroy() };
  }
  const name = `buurtpeil_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(db);
  return {
    db,
    kind: 'postgresql',
    databaseUrl: url.toString(),
    async destroy() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
