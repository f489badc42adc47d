import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/createDatabase.ts';

/**
 * What every feature router is given: the database, the settings and the logger. In its own
 * module so features depend on it without depending on server/app.ts, which mounts them.
 */
export interface AppContext {
  db: Db;
  config: Config;
  logger: Logger;
}
