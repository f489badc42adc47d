import type { Express } from 'express';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

export interface TestApp extends TestDatabase {
  app: Express;
}

/** The real application over a fresh test database (PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...readConfig({ ...env, LOG_LEVEL: 'silent' }), databaseUrl: database.databaseUrl };
  const app = createApp({ db: database.db, config, logger: createLogger('silent') });
  return { ...database, app };
}
