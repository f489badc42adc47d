import { createApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { readConfig, UNSET_API_CONTACT } from './config.ts';
import { createDatabase, type Db, databaseKind } from './db/createDatabase.ts';
import { EmbeddedDatabaseInUseError } from './db/embeddedLock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DataDirError } from './db/prepareDataDir.ts';
import { STARTUP_WAIT_MESSAGE, withStartupLock } from './db/startupLock.ts';
import { createLogger } from './logger.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);
let db: Db;
try {
  db = createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pool: {
      max: config.database.poolSize,
      connectTimeoutMs: config.database.connectTimeoutMs,
      statementTimeoutMs: config.database.statementTimeoutMs,
      idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
      // A dropped connection is replaced on the next request; requests meanwhile get 503 (0075).
      onError: (error) => logger.warn({ err: error }, 'databaseverbinding verbroken'),
    },
  });
} catch (error) {
  if (!(error instanceof DataDirError)) throw error;
  // One plain sentence and a non-zero exit code, no stack trace.
  process.stderr.write(`buurtpeil start niet: ${error.message}\n`);
  process.exit(2);
}

try {
  // Two processes starting together on one PostgreSQL database take turns here (D12, 0078).
  await withStartupLock(
    db,
    databaseKind(config),
    async () => {
      const applied = await migrateToLatest(db);
      if (applied.length > 0) logger.info({ migrations: applied }, 'database gemigreerd');
      await bootstrap({ db, config, logger });
    },
    { onWait: () => logger.info(STARTUP_WAIT_MESSAGE) },
  );
} catch (error) {
  // Another process holds the embedded database: one sentence, no stack trace, nothing touched.
  if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}

if (config.apiContact.email === UNSET_API_CONTACT.email)
  logger.warn(
    'Het contact van de API (/api/v1/openapi.json) is nog niet ingesteld: zet BUURTPEIL_API_CONTACT_NAME, BUURTPEIL_API_CONTACT_EMAIL en BUURTPEIL_API_CONTACT_URL (zie README, Instellingen).',
  );

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
