import { bumpDataGeneration } from '../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../db/createDatabase.ts';
import { refreshWithheld } from '../disclosure/disclosureRepository.ts';
import { buildTilesForVintage } from '../maptiles/buildTileSets.ts';
import { lockImportWrites } from './importLock.ts';

/**
 * Undoes a committed import: observations it added are removed, values it corrected are restored
 * from observation_revisions, and the import is marked `teruggedraaid`. Refused when a later
 * import has since corrected values this one brought (undo that one first), and for boundary
 * imports whose areas carry observations.
 */
export async function rollbackImport(db: Db, importId: number, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockImportWrites(trx);
    const record = await trx
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', importId)
      .forUpdate()
      .executeTakeFirst();
    if (!record) throw new Error(`Import ${importId} bestaat niet.`);
    if (record.status === 'teruggedraaid') throw new Error(`Import ${importId} is al teruggedraaid.`);

    const laterCorrection = await trx
      .selectFrom('observation_revisions as r')
      .innerJoin('imports as later', 'later.id', 'r.replaced_by_import_id')
      .select('later.id')
      .where('r.import_id', '=', importId)
      .where('later.status', '=', 'gelukt')
      .where('later.id', '!=', importId)
      .executeTakeFirst();
    if (laterCorrection) {
      throw new Error(
        `Import ${importId} kan niet worden teruggedraaid: import ${laterCorrection.id} heeft waarden ervan gecorrigeerd. Draai eerst die terug.`,
      );
    }

    if (record.kind === 'grenzen' && record.rows_corrected > 0) {
      throw new Error(
        `Import ${importId} kan niet worden teruggedraaid: hij heeft bestaande grenzen gewijzigd, en van grenzen wordt geen geschiedenis bewaard. Lees het vorige grensbestand opnieuw in.`,
      );
    }
    if (
      record.kind === 'grenzen' ||
      (await trx.selectFrom('areas').select('code').where('import_id', '=', importId).executeTakeFirst())
    ) {
      const used = await trx
        .selectFrom('observations as o')
        .innerJoin('areas as a', (join) =>
          join.onRef('a.code', '=', 'o.area_code').onRef('a.vintage', '=', 'o.vintage'),
        )
        .select('a.code')
        .where('a.import_id', '=', importId)
        .where((eb) => eb.or([eb('o.import_id', 'is', null), eb('o.import_id', '!=', importId)]))
        .executeTakeFirst();
      if (used) {
        throw new Error(
          `Import ${importId} kan niet worden teruggedraaid: er zijn waarnemingen voor gebied ${used.code}, dat deze import heeft ingelezen.`,
        );
      }
    }

    // Values this import corrected: put the previous state back, newest revision per observation.
    const revisions = await trx
      .selectFrom('observation_revisions')
      .selectAll()
      .where('replaced_by_import_id', '=', importId)
      .orderBy('id', 'desc')
      .execute();
    const restored = new Set<number>();
    for (const revision of revisions) {
      if (restored.has(revision.observation_id)) continue;
      restored.add(revision.observation_id);
      await trx
        .updateTable('observations')
        .set({
          value: revision.value,
          numerator: revision.numerator,
          denominator: revision.denominator,
          provisional: revision.provisional,
          confidential: revision.confidential,
          value_rounding: revision.value_rounding,
          count_rounding: revision.count_rounding,
          source: revision.source,
          flags: revision.flags,
          interval_low: revision.interval_low,
          interval_high: revision.interval_high,
          import_id: revision.import_id,
          updated_at: revision.valid_from,
        })
        .where('id', '=', revision.observation_id)
        .execute();
    }
    await trx.deleteFrom('observation_revisions').where('replaced_by_import_id', '=', importId).execute();
    // Observations it created: the ones still carrying its id now that corrections are restored.
    await trx.deleteFrom('observations').where('import_id', '=', importId).execute();
    const removedAreas = await trx
      .deleteFrom('areas')
      .where('import_id', '=', importId)
      .returning('vintage')
      .execute();
    // The tiles of the boundaries that are left (decision 0117); none when none are left.
    for (const vintage of new Set(removedAreas.map((area) => area.vintage)))
      await buildTilesForVintage(trx, vintage);

    await trx.updateTable('imports').set({ status: 'teruggedraaid' }).where('id', '=', importId).execute();
    // Restored and removed figures change which others must be withheld (decision 0082).
    await refreshWithheld(trx);
    await bumpDataGeneration(trx); // cached map layers of every app process are stale now (0107)
    await trx
      .insertInto('audit_log')
      .values({
        actor,
        user_id: null,
        action: 'import.rollback',
        entity: 'imports',
        entity_id: String(importId),
        before: JSON.stringify({ status: record.status }),
        after: JSON.stringify({ status: 'teruggedraaid', restored: restored.size }),
        import_id: importId,
      })
      .execute();
  });
}
