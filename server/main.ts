import { createApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { readConfig } from './config.ts';
import { createDatabase, type Db } from './db/createDatabase.ts';
import { EmbeddedDatabaseInUseError } from './db/embeddedLock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DataDirError } from './db/prepareDataDir.ts';
import { createLogger } from './logger.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);
let db: Db;
try {
  db = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (!(error instanceof DataDirError)) throw error;
  // One plain sentence and a non-zero exit code, no stack trace.
  process.stderr.write(`buurtpeil start niet: ${error.message}\n`);
  process.exit(2);
}

let applied: string[];
try {
  applied = await migrateToLatest(db);
} catch (error) {
  // Another process holds the embedded database: one sentence, no stack trace, nothing touched.
  if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (applied.length > 0) logger.info({ migrations: applied }, 'database gemigreerd');
await bootstrap({ db, config, logger });

const app = createApp({ db, config, logger });
const server = app.listen(config.port, config.host, () => {
  logger.info(
    `buurtpeil draait op http://${config.host}:${config.port} (database: ${config.databaseUrl ? 'PostgreSQL' : `ingebouwd, ${config.dataDir}`})`,
  );
});

async function shutdown() {
  server.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
