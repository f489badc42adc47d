import type { Transaction } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';

/** The database or a transaction on it: tiles are built inside the boundary import's transaction. */
export type Executor = Db | Transaction<Database>;
