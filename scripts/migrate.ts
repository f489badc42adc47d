import { readConfig } from '../server/config.ts';
import { createDatabase } from '../server/db/createDatabase.ts';
import { EmbeddedDatabaseInUseError } from '../server/db/embeddedLock.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const config = readConfig();
const db = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Uitgevoerd: ${applied.join(', ')}` : 'De database is al bijgewerkt.');
} catch (error) {
  if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
