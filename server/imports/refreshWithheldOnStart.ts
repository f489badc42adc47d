import { bumpDataGeneration } from '../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../db/createDatabase.ts';
import {
  markWithheldRuleCurrent,
  refreshWithheld,
  withheldRuleIsCurrent,
} from '../disclosure/disclosureRepository.ts';
import { lockImportWrites } from './importLock.ts';

/**
 * Start-up step (decision 0125): every write (import, upload, correction, rollback, programme
 * definition, catalogue change) refreshes the withheld flags it affects in its own transaction, so a
 * start recomputes all of them only when they were computed with an older rule, or never (a
 * database from before the flags, or before this record). Under the import lock, so an upload in a
 * running app on the same PostgreSQL database waits. Returns the number of flags changed, or
 * undefined when nothing had to be done.
 */
export async function refreshWithheldOnStart(db: Db): Promise<number | undefined> {
  if (await withheldRuleIsCurrent(db)) return undefined;
  return db.transaction().execute(async (trx) => {
    await lockImportWrites(trx);
    const changed = await refreshWithheld(trx);
    await bumpDataGeneration(trx); // cached map layers of every app process are stale now (0107)
    await markWithheldRuleCurrent(trx);
    return changed;
  });
}
