// npm run bench:api — the public API's speed on real data, printed as figures (no pass/fail):
// p50/p95 of the map-layer endpoint for GM1916 and for a national-sized buurt layer beside the bare
// SQL query measured in the same run, and the CSV export's MB/s and peak memory beside
// COPY (…) TO STDOUT of the same rows. Runs on embedded PGlite, and on PostgreSQL too when
// DATABASE_URL is set (in a throw-away database that is dropped afterwards).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { parse } from 'csv-parse/sync';
import type { Geometry } from 'geojson';
import { Kysely, PGliteDialect, sql } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { createApp } from '../server/app.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { readConfig } from '../server/config.ts';
import { acceptCopyFromStdin } from '../server/db/copyFromStdin.ts';
import { createDatabase, type Db } from '../server/db/createDatabase.ts';
import type { Database, NewArea, NewObservation } from '../server/db/Database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createLogger } from '../server/logger.ts';
import { benchCsvExport } from './bench/exportBench.ts';
import { benchMapLayers } from './bench/mapLayerBench.ts';

const sharedData =
  process.env.BUURTPEIL_SHARED_DATA ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
/** The national layer gets its own indeling number so its codes never clash with GM1916's 2022 rows. */
const NATIONAL_VINTAGE = 2024;
const NATIONAL_PERIOD = '2024';

/** KWB 2024 buurt columns → catalogue indicators (geodata/indicators.json ids). */
const NATIONAL_COLUMNS: Record<string, string> = {
  AantalInwoners_5: 'inwoners',
  Bevolkingsdichtheid_34: 'bevolkingsdichtheid',
  GemiddeldeHuishoudensgrootte_33: 'gemiddelde_huishoudensgrootte',
  HuishoudensMetKinderen_32: 'huishoudens_met_kinderen',
  HuishoudensTotaal_29: 'huishoudens',
  k_0Tot15Jaar_8: 'inwoners_0_tot_15_jaar',
  k_15Tot25Jaar_9: 'inwoners_15_tot_25_jaar',
  k_25Tot45Jaar_10: 'inwoners_25_tot_45_jaar',
  k_45Tot65Jaar_11: 'inwoners_45_tot_65_jaar',
  k_65JaarOfOuder_12: 'inwoners_65_jaar_of_ouder',
};

interface BenchDatabase {
  kind: 'pglite' | 'postgresql';
  db: Db;
  databaseUrl: string | undefined;
  /** COPY (query) TO STDOUT of the export's rows: bytes, seconds, peak RSS delta. */
  copy(query: string): Promise<{ bytes: number; seconds: number; peakRss: number }>;
  destroy(): Promise<void>;
}

const parsers = { 20: (value: string) => Number(value), 1700: (value: string) => Number(value) };

async function openPglite(): Promise<BenchDatabase> {
  // Our own PGlite instance (same parsers as server/db/createDatabase.ts) so COPY can use /dev/blob.
  const pglite = new PGlite('memory://', { parsers });
  await pglite.waitReady;
  acceptCopyFromStdin(pglite); // as createDatabase does: the import writes observations by COPY
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  return {
    kind: 'pglite',
    db,
    databaseUrl: undefined,
    async copy(query) {
      // PGlite has no client stream for COPY: it writes the whole result into one Blob.
      const rss = peakRss();
      const started = performance.now();
      const result = await pglite.query(
        `copy (${query}) to '/dev/blob' with (format csv, header, delimiter ';')`,
      );
      const seconds = (performance.now() - started) / 1000;
      return { bytes: result.blob?.size ?? 0, seconds, peakRss: rss.stop() };
    },
    destroy: () => db.destroy(),
  };
}

async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
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
  return {
    kind: 'postgresql',
    db,
    databaseUrl,
    async copy(query) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const rss = peakRss();
      const started = performance.now();
      let bytes = 0;
      const stream = client.query(
        copyTo(`copy (${query}) to stdout with (format csv, header, delimiter ';')`),
      );
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      const seconds = (performance.now() - started) / 1000;
      const peak = rss.stop();
      await client.end();
      return { bytes, seconds, peakRss: peak };
    },
    async destroy() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Samples RSS every few ms; stop() gives the peak above the level at start. */
function peakRss() {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak - base;
    },
  };
}

/** All buurten of KWB 2024 (13 817), with the 2014 national geometry where the code still matches. */
async function loadNationalLayer(db: Db): Promise<{ areas: number; observations: number }> {
  const geometry = new Map<string, Geometry | null>();
  const collection = JSON.parse(
    readFileSync(path.join(sharedData, 'geometry/national/buurten_2014_nl.geojson'), 'utf8'),
  );
  for (const feature of collection.features) geometry.set(feature.properties.statcode, feature.geometry);
  const rows = parse(
    readFileSync(path.join(sharedData, 'kwb/national/kwb2024_85984NED_buurten_subset.csv')),
    {
      columns: true,
      skip_empty_lines: true,
    },
  ) as Record<string, string>[];

  const indicators = new Set((await db.selectFrom('indicators').select('id').execute()).map((row) => row.id));
  for (const id of Object.values(NATIONAL_COLUMNS)) {
    if (!indicators.has(id)) throw new Error(`indicator ${id} ontbreekt in de catalogus`);
  }

  const areas: NewArea[] = rows.map((row) => {
    const code = row.Codering_3!.trim();
    const shape = geometry.get(code) ?? null;
    return {
      code,
      vintage: NATIONAL_VINTAGE,
      level: 'buurt',
      name: row.WijkenEnBuurten!.trim(),
      parent_code: `WK${code.slice(2, 8)}`,
      gemeente_code: `GM${code.slice(2, 6)}`,
      geometry: shape ? JSON.stringify(shape) : null,
      bbox: null,
      source: 'bench: KWB 2024 buurtcodes, grenzen 2014 (grof)',
    };
  });
  for (let i = 0; i < areas.length; i += 1000) {
    await db
      .insertInto('areas')
      .values(areas.slice(i, i + 1000))
      .execute();
    if (process.env.BENCH_VERBOSE) process.stderr.write(`areas ${i}\n`);
  }

  // PGlite runs no autovacuum: without fresh statistics the foreign-key check of every observation
  // below plans a scan of `areas` (2 ms a row instead of microseconds).
  await sql`analyze`.execute(db);

  const observations: NewObservation[] = [];
  for (const row of rows) {
    for (const [column, indicator] of Object.entries(NATIONAL_COLUMNS)) {
      const text = row[column]?.trim();
      if (!text) continue;
      observations.push({
        indicator_id: indicator,
        area_code: row.Codering_3!.trim(),
        vintage: NATIONAL_VINTAGE,
        period: NATIONAL_PERIOD,
        year: Number(NATIONAL_PERIOD),
        value: Number(text),
        source: 'CBS, Kerncijfers wijken en buurten 2024 (85984NED)',
      });
    }
  }
  // One array parameter per column (unnest) instead of seven parameters per row: far fewer binds.
  for (let i = 0; i < observations.length; i += 5000) {
    const batch = observations.slice(i, i + 5000);
    const column = <K extends keyof NewObservation>(key: K) => batch.map((row) => row[key]);
    const started = performance.now();
    await sql`insert into observations (indicator_id, area_code, vintage, period, year, value, source)
      select * from unnest(${column('indicator_id')}::text[], ${column('area_code')}::text[],
        ${column('vintage')}::int[], ${column('period')}::text[], ${column('year')}::int[],
        ${column('value')}::float8[], ${column('source')}::text[])`.execute(db);
    if (process.env.BENCH_VERBOSE) {
      process.stderr.write(`observations ${i}: ${(performance.now() - started).toFixed(0)} ms\n`);
    }
  }
  return { areas: areas.length, observations: observations.length };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function bench(database: BenchDatabase): Promise<void> {
  const { db } = database;
  const logger = createLogger(process.env.BENCH_LOG ?? 'silent');
  const config = {
    ...readConfig({ LOG_LEVEL: 'silent', BUURTPEIL_DATA_DIR: sharedData }),
    databaseUrl: database.databaseUrl,
  };
  const step = (text: string) => process.stderr.write(`[${database.kind}] ${text}\n`);
  step('loading GM1916 (bootstrap) …');
  let started = performance.now();
  await bootstrap({ db, config, logger }); // catalogue, GM1916 boundaries + KWB, Sterk voor Noord
  const gm1916Seconds = (performance.now() - started) / 1000;
  await sql`analyze`.execute(db);
  step(`GM1916 loaded in ${gm1916Seconds.toFixed(1)} s; loading the national layer …`);
  started = performance.now();
  const national = await loadNationalLayer(db);
  const nationalSeconds = (performance.now() - started) / 1000;
  step(`national layer loaded in ${nationalSeconds.toFixed(1)} s; measuring …`);
  const totalRows = Number(
    (
      await db
        .selectFrom('observations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await sql`analyze`.execute(db);

  const app = createApp({ db, config, logger });
  const server = app.listen(0, '127.0.0.1');
  // Longer than any pause between measurements: a keep-alive socket closed by the server just as
  // fetch reuses it would end a run with ECONNRESET.
  server.keepAliveTimeout = 120_000;
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;

  console.log(`\n== ${database.kind}`);
  console.log(
    `loaded: GM1916 via bootstrap/loadDataDirectory in ${gm1916Seconds.toFixed(1)} s; national layer ` +
      `${national.areas} buurten, ${national.observations} observations in ${nationalSeconds.toFixed(1)} s; ` +
      `${totalRows} observations in all`,
  );

  await benchMapLayers(db, base, {
    areas: national.areas,
    vintage: NATIONAL_VINTAGE,
    period: NATIONAL_PERIOD,
  });

  // BENCH_ONLY=kaartlagen: the map layers alone (the CSV export takes minutes on a loaded machine).
  if (process.env.BENCH_ONLY !== 'kaartlagen')
    await benchCsvExport(
      db,
      base,
      database.copy,
      database.kind === 'pglite' ? "TO '/dev/blob'" : 'TO STDOUT',
    );

  await new Promise((resolve) => server.close(resolve));
}

const targets: Array<() => Promise<BenchDatabase>> = [openPglite];
if (process.env.DATABASE_URL) targets.push(() => openPostgres(process.env.DATABASE_URL!));
console.log(`buurtpeil API benchmark — node ${process.version}, data from ${sharedData}`);
for (const open of targets) {
  const database = await open();
  try {
    await bench(database);
  } finally {
    await database.destroy();
  }
}
