// npm run bench:export — the CSV export of national KWB data beside COPY … TO STDOUT of the same
// rows, on PGlite and (with DATABASE_URL) PostgreSQL. Figures only, no pass/fail.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { upsertIndicatorCatalogue } from '../server/imports/catalogue/indicatorCatalogue.ts';
import { formatRowError, importFile } from '../server/imports/importFile.ts';
import { createLogger } from '../server/logger.ts';
import { benchDatabases } from './bench/benchDatabases.ts';
import { benchCsvExport } from './bench/exportBench.ts';

const sharedData =
  process.env.BUURTPEIL_SHARED_DATA ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const NATIONAL_FILES = [
  'kwb/national/kwb2024_85984NED_buurten_subset.csv',
  'kwb/national/kwb2024_85984NED_first10000rows.csv',
];

console.log(`buurtpeil CSV-export benchmark — node ${process.version}, data from ${sharedData}`);
for (const open of benchDatabases()) {
  const database = await open();
  try {
    const { db } = database;
    await upsertIndicatorCatalogue(db);
    for (const file of NATIONAL_FILES) {
      const report = await importFile(
        db,
        {
          kind: 'kwb',
          fileName: path.basename(file),
          bytes: readFileSync(path.join(sharedData, file)),
          actor: 'bench',
          year: 2024,
        },
        { dryRun: false, createMissingAreas: true },
      );
      if (!report.ok) throw new Error(`${file}: ${report.errors.slice(0, 3).map(formatRowError).join('; ')}`);
    }
    await sql`analyze`.execute(db);
    const config = { ...readConfig({ LOG_LEVEL: 'silent' }), databaseUrl: database.databaseUrl };
    const app = createApp({ db, config, logger: createLogger('silent') });
    const server = app.listen(0, '127.0.0.1');
    server.keepAliveTimeout = 120_000;
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    console.log(`\n== ${database.kind}`);
    await benchCsvExport(
      db,
      base,
      database.copyTo,
      database.kind === 'pglite' ? "TO '/dev/blob'" : 'TO STDOUT',
    );
    await new Promise((resolve) => server.close(resolve));
  } finally {
    await database.destroy();
  }
}
