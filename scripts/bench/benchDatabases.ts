// Throw-away databases for the export and import benchmarks, each with its COPY floors: PGlite
// (our own instance, so COPY can use /dev/blob) and, when DATABASE_URL is set, PostgreSQL (a new
// database on that server, dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { acceptCopyFromStdin } from '../../server/db/copyFromStdin.ts';
import { createDatabase, type Db } from '../../server/db/createDatabase.ts';
import type { Database } from '../../server/db/Database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { peakRss } from './measure.ts';

export interface BenchDatabase {
  kind: 'pglite' | 'postgresql';
  db: Db;
  databaseUrl: string | undefined;
  /** COPY (query) TO STDOUT (PGlite: '/dev/blob') as CSV: bytes, seconds, peak RSS growth. */
  copyTo(query: string): Promise<{ bytes: number; seconds: number; peakRss: number }>;
  /** COPY table (columns) FROM STDIN (PGlite: '/dev/blob') of CSV text: seconds. */
  copyFrom(table: string, columns: readonly string[], csv: string): Promise<{ seconds: number }>;
  destroy(): Promise<void>;
}

const parsers = { 20: (value: string) => Number(value), 1700: (value: string) => Number(value) };

/** PGlite on disk, as the app runs it (the in-memory file system grows its files by copying). */
export async function openPglite(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'buurtpeil-bench-'));
  const pglite = new PGlite(dataDir, { parsers });
  await pglite.waitReady;
  acceptCopyFromStdin(pglite); // as createDatabase does: the import writes observations by COPY
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  return {
    kind: 'pglite',
    db,
    databaseUrl: undefined,
    async copyTo(query) {
      // PGlite has no client stream for COPY: it writes the whole result into one Blob.
      const rss = peakRss();
      const started = performance.now();
      const result = await pglite.query(
        `copy (${query}) to '/dev/blob' with (format csv, header, delimiter ';')`,
      );
      const seconds = (performance.now() - started) / 1000;
      return { bytes: result.blob?.size ?? 0, seconds, peakRss: rss.stop() };
    },
    async copyFrom(table, columns, csv) {
      const started = performance.now();
      await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([csv]),
      });
      return { seconds: (performance.now() - started) / 1000 };
    },
    async destroy() {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `buurtpeil_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = createDatabase({ databaseUrl });
  await migrateToLatest(db);
  const withClient = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    kind: 'postgresql',
    db,
    databaseUrl,
    copyTo: (query) =>
      withClient(async (client) => {
        const rss = peakRss();
        const started = performance.now();
        let bytes = 0;
        const stream = client.query(
          copyTo(`copy (${query}) to stdout with (format csv, header, delimiter ';')`),
        );
        for await (const chunk of stream) bytes += (chunk as Buffer).length;
        return { bytes, seconds: (performance.now() - started) / 1000, peakRss: rss.stop() };
      }),
    copyFrom: (table, columns, csv) =>
      withClient(async (client) => {
        const started = performance.now();
        await pipeline(
          Readable.from([csv]),
          client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`)),
        );
        return { seconds: (performance.now() - started) / 1000 };
      }),
    async destroy() {
      await db.destroy();
      await withClient(async () => {});
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** PGlite, and PostgreSQL when DATABASE_URL is set; BENCH_DATABASES=postgresql (or pglite) picks one. */
export const benchDatabases = (): Array<() => Promise<BenchDatabase>> => {
  const all: Array<[BenchDatabase['kind'], () => Promise<BenchDatabase>]> = [['pglite', openPglite]];
  if (process.env.DATABASE_URL) all.push(['postgresql', () => openPostgres(process.env.DATABASE_URL!)]);
  const only = process.env.BENCH_DATABASES;
  return all.filter(([kind]) => !only || only.split(',').includes(kind)).map(([, open]) => open);
};

/** Runs work on a fresh database and always drops it. */
export async function withBench(
  open: () => Promise<BenchDatabase>,
  work: (database: BenchDatabase) => Promise<void>,
) {
  const database = await open();
  try {
    await work(database);
  } finally {
    await database.destroy();
  }
}
