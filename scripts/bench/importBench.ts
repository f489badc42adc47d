// The national KWB import beside COPY FROM of the same rows, in the same run (issue 13: goal
// ≥ 0,3× COPY). The floor: the observation rows the import wrote, as CSV, copied into a table
// like `observations` (same columns, defaults and indexes). Figures only, no pass/fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { formatRowError, importFile } from '../../server/imports/importFile.ts';
import type { BenchDatabase } from './benchDatabases.ts';

const COLUMNS = ['indicator_id', 'area_code', 'vintage', 'period', 'year', 'value', 'source'] as const;

const csvCell = (value: unknown) => {
  if (value == null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export async function benchKwbImportVsCopy(database: BenchDatabase, file: string): Promise<void> {
  const { db } = database;
  await upsertIndicatorCatalogue(db);
  const bytes = readFileSync(file);
  const started = performance.now();
  const report = await importFile(
    db,
    { kind: 'kwb', fileName: path.basename(file), bytes, actor: 'bench', year: 2024 },
    { dryRun: false, createMissingAreas: true },
  );
  const importSeconds = (performance.now() - started) / 1000;
  if (!report.ok) throw new Error(report.errors.slice(0, 3).map(formatRowError).join('; '));

  const rows = await db.selectFrom('observations').select(COLUMNS).execute();
  const csv = rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(',')).join('\n');
  await sql`create table bench_observations (like observations including all)`.execute(db);
  const copied = await database.copyFrom('bench_observations', COLUMNS, `${csv}\n`);
  const ratio = copied.seconds / importSeconds;
  // A second, labelled floor: the same rows into a copy with the three foreign keys of
  // observations, which the import's insert must check per row and COPY into the first floor skips.
  const withImport = await db
    .selectFrom('observations')
    .select([...COLUMNS, 'import_id'])
    .execute();
  await sql`create table bench_observations_fk (like observations including all)`.execute(db);
  await sql`alter table bench_observations_fk
    add foreign key (indicator_id) references indicators (id),
    add foreign key (area_code, vintage) references areas (code, vintage),
    add foreign key (import_id) references imports (id)`.execute(db);
  const withKeys = await database.copyFrom(
    'bench_observations_fk',
    [...COLUMNS, 'import_id'],
    `${withImport.map((row) => [...COLUMNS, 'import_id' as const].map((column) => csvCell(row[column])).join(',')).join('\n')}\n`,
  );
  console.log(
    `[${database.kind}] KWB import ${path.basename(file)} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ` +
      `${report.rowsNew} observations new): ${importSeconds.toFixed(2)} s, ${(report.rowsNew / importSeconds).toFixed(0)} rows/s | ` +
      `COPY FROM of the same ${rows.length} rows: ${copied.seconds.toFixed(2)} s, ${(rows.length / copied.seconds).toFixed(0)} rows/s | ` +
      `ratio ${ratio.toFixed(2)}× (goal ≥ 0,3×)\n` +
      `    for comparison only, COPY FROM into a copy with the foreign keys of observations: ${withKeys.seconds.toFixed(2)} s, ` +
      `ratio ${(withKeys.seconds / importSeconds).toFixed(2)}×`,
  );
}
