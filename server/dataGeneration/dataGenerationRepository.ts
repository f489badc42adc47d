// The data generation (decision 0107): a number in the database that every write able to change a
// map layer raises inside its own transaction. Readers that cache derived answers (the map layers)
// key them by it, so several app processes on one PostgreSQL database never serve each other's
// stale layers. The raise is the writer's last statement where it can be, so the row lock it takes
// is held only until the commit.
import type { Db } from '../db/createDatabase.ts';

export interface DataGeneration {
  /** Random per database: a key or ETag made on another database never matches. */
  epoch: string;
  generation: number;
  /**
   * When it was last raised (ms): a database restored from a backup counts up again from an older
   * number, and the time keeps those new generations apart from the ones seen before the restore.
   */
  changedAt: number;
}

/** The current generation: one primary-key read. */
export async function readDataGeneration(db: Db): Promise<DataGeneration> {
  const row = await db
    .selectFrom('data_generation')
    .select(['epoch', 'generation', 'changed_at'])
    .where('id', '=', 'data')
    .executeTakeFirstOrThrow();
  return {
    epoch: row.epoch,
    generation: Number(row.generation),
    changedAt: new Date(row.changed_at).getTime(),
  };
}

/** Raises the generation; call it in the writer's transaction, so it commits (or not) with the data. */
export async function bumpDataGeneration(db: Db): Promise<void> {
  await db
    .updateTable('data_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1), changed_at: new Date() }))
    .where('id', '=', 'data')
    .execute();
}
