import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Db } from '../server/db/createDatabase.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { upsertIndicatorCatalogue } from '../server/imports/catalogue/indicatorCatalogue.ts';
import { formatRowError, importFile, type UploadKind } from '../server/imports/importFile.ts';
import { benchDatabases, withBench } from './bench/benchDatabases.ts';
import { benchKwbImportVsCopy } from './bench/importBench.ts';

// Import times for the GM1916 files and the national files in ../shared/data, on embedded PGlite
// and, when DATABASE_URL is set, on PostgreSQL. Each run starts from an empty database; the
// figure per step is the median over BENCH_RUNS runs (default 3).

const dataDir =
  process.env.BUURTPEIL_DATA_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const runs = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_ONLY=copy measures only the national KWB import beside COPY FROM. */
const onlyCopy = process.env.BENCH_ONLY === 'copy';

interface Step {
  label: string;
  kind: UploadKind;
  file: string;
  vintage?: number;
  year?: number;
  createMissingAreas?: boolean;
}

const steps: Step[] = [
  {
    label: 'GM1916 buurten 2017 (RD, 29 + afgeleid)',
    kind: 'grenzen',
    file: 'geometry/gm1916/buurten_2017_GM1916_rd.geojson',
    vintage: 2017,
  },
  {
    label: 'GM1916 buurten 2022 (RD, 43 + afgeleid)',
    kind: 'grenzen',
    file: 'geometry/gm1916/buurten_2022_GM1916_rd.geojson',
    vintage: 2022,
  },
  {
    label: 'GM1916 KWB 2017 (CSV)',
    kind: 'kwb',
    file: 'kwb/gm1916/kwb2017_83765NED_GM1916_subset.csv',
    year: 2017,
  },
  {
    label: 'GM1916 KWB 2024 (CSV, 130 kolommen)',
    kind: 'kwb',
    file: 'kwb/gm1916/kwb2024_85984NED_GM1916.csv',
    year: 2024,
  },
  {
    label: 'GM1916 KWB 2024 opnieuw (JSON, ongewijzigd)',
    kind: 'kwb',
    file: 'kwb/gm1916/kwb2024_85984NED_GM1916.json',
    year: 2024,
  },
  {
    label: 'NL buurten 2014 (11 691, + wijken/gemeenten afgeleid)',
    kind: 'grenzen',
    file: 'geometry/national/buurten_2014_nl.geojson',
    vintage: 2014,
  },
  {
    label: 'NL KWB 2024 buurten (13 817 regels, gebieden aangemaakt)',
    kind: 'kwb',
    file: 'kwb/national/kwb2024_85984NED_buurten_subset.csv',
    year: 2024,
    createMissingAreas: true,
  },
  {
    label: 'NL KWB 2024 buurten opnieuw (ongewijzigd)',
    kind: 'kwb',
    file: 'kwb/national/kwb2024_85984NED_buurten_subset.csv',
    year: 2024,
    createMissingAreas: true,
  },
];

async function withDatabase<T>(kind: 'pglite' | 'postgresql', work: (db: Db) => Promise<T>): Promise<T> {
  if (kind === 'pglite') {
    // On disk, as the app runs it: the in-memory file system grows its files by copying.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'buurtpeil-bench-'));
    const db = createDatabase({ dataDir });
    try {
      return await work(db);
    } finally {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const serverUrl = process.env.DATABASE_URL!;
  const name = `buurtpeil_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDatabase({ databaseUrl: url.toString() });
  try {
    return await work(db);
  } finally {
    await db.destroy();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const kinds: ('pglite' | 'postgresql')[] = process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
const files = new Map(steps.map((step) => [step.file, readFileSync(path.join(dataDir, step.file))]));
console.log(`Importtijden, mediaan van ${runs} runs, elke run op een lege database (${dataDir})\n`);
for (const kind of onlyCopy ? [] : kinds) {
  const timings = new Map<string, number[]>();
  const rows = new Map<string, string>();
  for (let run = 0; run < runs; run++) {
    await withDatabase(kind, async (db) => {
      await migrateToLatest(db);
      await upsertIndicatorCatalogue(db);
      for (const step of steps) {
        const bytes = files.get(step.file)!;
        const started = performance.now();
        const report = await importFile(
          db,
          {
            kind: step.kind,
            fileName: path.basename(step.file),
            bytes,
            actor: 'bench',
            ...(step.vintage ? { vintage: step.vintage } : {}),
            ...(step.year ? { year: step.year } : {}),
          },
          { dryRun: false, createMissingAreas: step.createMissingAreas ?? false },
        );
        const elapsed = performance.now() - started;
        if (!report.ok)
          throw new Error(`${step.label}: ${report.errors.slice(0, 3).map(formatRowError).join('; ')}`);
        timings.set(step.label, [...(timings.get(step.label) ?? []), elapsed]);
        process.stderr.write(`  [${kind} run ${run + 1}] ${step.label}: ${(elapsed / 1000).toFixed(2)} s\n`);
        rows.set(
          step.label,
          `${(bytes.byteLength / 1024).toFixed(0)} KB, nieuw ${report.rowsNew}, ongewijzigd ${report.rowsUnchanged}`,
        );
      }
    });
  }
  console.log(`== ${kind === 'pglite' ? 'PGlite (ingebouwd, op schijf)' : 'PostgreSQL'}`);
  for (const step of steps) {
    const values = timings.get(step.label)!;
    console.log(
      `${step.label.padEnd(60)} ${(median(values) / 1000).toFixed(2).padStart(7)} s   (${rows.get(step.label)})`,
    );
  }
  console.log('');
}

// The national KWB import beside COPY FROM of the same rows (scripts/bench/importBench.ts).
for (const open of benchDatabases())
  await withBench(open, (database) =>
    benchKwbImportVsCopy(database, path.join(dataDir, 'kwb/national/kwb2024_85984NED_buurten_subset.csv')),
  );
