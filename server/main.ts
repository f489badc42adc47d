import { createApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { readConfig } from './config.ts';
import { createDatabase, databaseKind } from './db/createDatabase.ts';
import { migrateToLatest } from './db/migrate.ts';
import { withStartupLock } from './db/startupLock.ts';
import { createLogger } from './logger.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);
const db = createDatabase({
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

// Two processes starting together on one PostgreSQL database take turns here (D12, 0078).
await withStartupLock(
  db,
  databaseKind(config),
  async () => {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database gemigreerd');
    await bootstrap({ db, config, logger });
  },
  { onWait: () => logger.info('een ander proces start de database op; even wachten …') },
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
