import { readConfig } from '../server/config.ts';
import { createDatabase, databaseKind } from '../server/db/createDatabase.ts';
import { EmbeddedDatabaseInUseError } from '../server/db/embeddedLock.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { STARTUP_WAIT_MESSAGE, withStartupLock } from '../server/db/startupLock.ts';

const config = readConfig();
const db = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  // Under the app's start-up lock: a migration beside a starting app takes its turn (0078).
  const applied = await withStartupLock(db, databaseKind(config), () => migrateToLatest(db), {
    onWait: () => console.log(STARTUP_WAIT_MESSAGE),
  });
  console.log(applied.length ? `Uitgevoerd: ${applied.join(', ')}` : 'De database is al bijgewerkt.');
} catch (error) {
  if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
