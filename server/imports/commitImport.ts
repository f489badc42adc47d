import { sql } from 'kysely';
import { bumpDataGeneration } from '../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../db/createDatabase.ts';
import { indicatorsOfImport, refreshWithheld } from '../disclosure/disclosureRepository.ts';
import { lockImportWrites } from './importLock.ts';
import { finish, type ImportInput, type ImportReport, MAX_REPORTED } from './importReport.ts';
import type { Executor, WriteCounts } from './writeObservations.ts';

/** One transaction: the imports row, the data, the counts and an audit entry; all or nothing. */
export async function commitImport(
  db: Db,
  input: ImportInput,
  report: ImportReport,
  details: Record<string, unknown>,
  write: (trx: Executor, importId: number) => Promise<WriteCounts>,
): Promise<ImportReport> {
  // Inside a caller's transaction (the online loader writes several files all-or-nothing) the
  // import joins it; otherwise it is its own transaction.
  const inTransaction = <T>(work: (trx: Executor) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  const importId = await inTransaction(async (trx) => {
    // Imports take turns (D8, D9); the rows the write reads are then the committed ones.
    await lockImportWrites(trx);
    const { id } = await trx
      .insertInto('imports')
      .values({
        kind: input.kind,
        file_name: input.fileName,
        file_hash: report.fileHash,
        file_size: input.fileSize,
        actor: input.actor,
        user_id: input.userId ?? null,
        status: 'gelukt',
        rows_total: report.rowsTotal,
        report: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const counts = await write(trx, id);
    Object.assign(report, counts);
    // Secondary suppression (decision 0082): new figures (or new boundaries) can open a difference.
    await refreshWithheld(trx, input.kind === 'grenzen' ? undefined : await indicatorsOfImport(trx, id));
    await bumpDataGeneration(trx); // cached map layers of every app process are stale now (0107)
    const stored = {
      ...details,
      warnings: report.warnings.slice(0, MAX_REPORTED),
      warningsTotal: report.warningsTotal,
      rowsNew: counts.rowsNew,
      rowsCorrected: counts.rowsCorrected,
      rowsUnchanged: counts.rowsUnchanged,
    };
    await trx
      .updateTable('imports')
      .set({
        finished_at: new Date(),
        rows_new: counts.rowsNew,
        rows_corrected: counts.rowsCorrected,
        rows_unchanged: counts.rowsUnchanged,
        report: JSON.stringify(stored),
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        actor: input.actor,
        user_id: input.userId ?? null,
        action: 'import.commit',
        entity: 'imports',
        entity_id: String(id),
        before: null,
        after: JSON.stringify({
          kind: input.kind,
          fileName: input.fileName,
          fileHash: report.fileHash,
          ...counts,
        }),
        import_id: id,
      })
      .execute();
    return id;
  });
  report.importId = importId;
  // A bulk write leaves the planner's statistics stale, and a stale estimate once turned the
  // national map layer into a 33 s nested loop (decision 0118). Outside a caller's transaction only.
  if (!db.isTransaction && (report.rowsNew ?? 0) + (report.rowsCorrected ?? 0) >= ANALYZE_AFTER_ROWS)
    await sql`analyze observations`.execute(db);
  return finish(report);
}

/** New or corrected rows from which an import refreshes the statistics of observations. */
const ANALYZE_AFTER_ROWS = 5000;
