import { sql } from 'kysely';
import type { Executor } from './writeObservations.ts';

/** Key of the transaction advisory lock every writing import and rollback takes: "buurtpeil import". */
export const IMPORT_LOCK_KEY = 0x62_70_5f_69; // 'bp_i'

/** How long one import's transaction may run, and how long it waits for another import to finish. */
export const IMPORT_STATEMENT_TIMEOUT_MS = 10 * 60 * 1000;
export const IMPORT_LOCK_WAIT_MS = 60 * 1000;

/** Refused because another import kept the lock longer than IMPORT_LOCK_WAIT_MS. */
export class ImportBusyError extends Error {
  constructor() {
    super(
      'Er wordt op dit moment al een ander bestand vastgelegd of teruggedraaid. Probeer het over een minuut opnieuw.',
    );
  }
}

/**
 * Serialises every transaction that writes observations or areas (imports and rollbacks):
 * a transaction-scoped advisory lock taken first, so a second import reads what the first one
 * committed. Two corrections of one value at once then both keep their predecessor in the history
 * (D8), and two uploads of the same new key make one insert and one correction instead of a
 * duplicate-key error (D9). See docs/decisions/0077. Also lifts the app's short statement timeout
 * for this transaction: a large import is legitimately slow.
 */
export async function lockImportWrites(trx: Executor): Promise<void> {
  await sql.raw(`set local statement_timeout = ${IMPORT_STATEMENT_TIMEOUT_MS}`).execute(trx);
  await sql.raw(`set local lock_timeout = ${IMPORT_LOCK_WAIT_MS}`).execute(trx);
  try {
    await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') throw new ImportBusyError();
    throw error;
  }
}
