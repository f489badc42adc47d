import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/createDatabase.ts';
import type { Database } from '../../db/Database.ts';
import { loadProgrammeDefinition, type ProgrammeDefinitionFile } from './programmeDefinition.ts';

// A definition file that changed since its programme was loaded is loaded again on start, unless
// someone worked on the programme in beheer since that load (decision 0126).

export type ProgrammeReloadResult =
  | { programmeId: string; status: 'ongewijzigd' | 'niet geladen uit een bestand' }
  | { programmeId: string; status: 'opnieuw geladen'; targets: number; baselines: number }
  | { programmeId: string; status: 'bewerkt in beheer'; message: string };

const hashOf = (file: ProgrammeDefinitionFile) => createHash('sha256').update(file.bytes).digest('hex');

/** The last load of the programme from a definition file: its sha256 and when it started (database clock). */
async function lastLoad(db: Db, programmeId: string) {
  return db
    .selectFrom('imports')
    .select(['file_hash', 'started_at'])
    .where('kind', '=', 'programma')
    .where(sql<string>`report->>'programme'`, '=', programmeId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * What people did to the programme in beheer since `since`, in Dutch, or [] for nothing: audit lines
 * of a logged-in user about the programme, its targets or its inspanningen, and any recorded voortgang
 * (a reload would delete it with the inspanningen).
 */
export async function beheerWorkSince(db: Db, programmeId: string, since: Date): Promise<string[]> {
  const inspanningen = new Set(
    (await db.selectFrom('inspanningen').select('id').where('programme_id', '=', programmeId).execute()).map(
      (row) => String(row.id),
    ),
  );
  const mentions = `"programmaId":"${programmeId}"`;
  const audit = (
    await db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'before', 'after'])
      .where('user_id', 'is not', null)
      .where('at', '>', since)
      .execute()
  ).filter(
    (row) =>
      (row.entity_id === programmeId && row.entity.startsWith('programm')) ||
      JSON.stringify([row.before, row.after]).includes(mentions) ||
      (row.entity === 'inspanningen' && row.entity_id !== null && inspanningen.has(row.entity_id)),
  );
  const voortgang = await db
    .selectFrom('voortgang as v')
    .innerJoin('inspanningen as i', 'i.id', 'v.inspanning_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const work = [...new Set(audit.map((row) => row.action))].sort();
  if (Number(voortgang.n) > 0) work.push(`${voortgang.n} keer voortgang vastgelegd`);
  return work;
}

/** Removes what a definition load wrote for the programme, so the load can write it anew. */
async function removeLoadedDefinition(trx: Transaction<Database>, programmeId: string, actor: string) {
  const programme = await trx
    .selectFrom('programmes')
    .select('vintage')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const programmeAreas = await trx
    .selectFrom('programme_areas')
    .select('area_code')
    .where('programme_id', '=', programmeId)
    .where('role', '=', 'programmagebied')
    .execute();
  if (programmeAreas.length > 0)
    await trx
      .deleteFrom('area_members')
      .where('vintage', '=', programme.vintage)
      .where(
        'area_code',
        'in',
        programmeAreas.map((row) => row.area_code),
      )
      .execute();
  // Targets, indicators, areas and the whole plan go with it (on delete cascade).
  await trx.deleteFrom('programmes').where('id', '=', programmeId).execute();
  await trx
    .insertInto('audit_log')
    .values({
      actor,
      user_id: null,
      action: 'programme.reload',
      entity: 'programmes',
      entity_id: programmeId,
      before: null,
      after: JSON.stringify({ reden: 'definitiebestand gewijzigd' }),
      import_id: null,
    })
    .execute();
}

/** Reloads one programme whose definition file changed since it was loaded, when the rule allows. */
export async function reloadChangedProgrammeDefinition(
  db: Db,
  file: ProgrammeDefinitionFile,
  actor: string,
): Promise<ProgrammeReloadResult> {
  const programmeId = file.definition.id;
  const load = await lastLoad(db, programmeId);
  if (!load) return { programmeId, status: 'niet geladen uit een bestand' };
  if (load.file_hash === hashOf(file)) return { programmeId, status: 'ongewijzigd' };
  const work = await beheerWorkSince(db, programmeId, new Date(load.started_at));
  if (work.length > 0)
    return {
      programmeId,
      status: 'bewerkt in beheer',
      message:
        `Programmadefinitie ${file.fileName} is gewijzigd sinds programma ${programmeId} is geladen, ` +
        `maar het programma is daarna in beheer bewerkt (${work.join(', ')}). Het wordt niet opnieuw ` +
        'geladen, zodat dat werk blijft staan; neem de wijzigingen uit het bestand over in beheer.',
    };
  const result = await loadProgrammeDefinition(db, file, actor, {
    replaceExisting: (trx) => removeLoadedDefinition(trx, programmeId, actor),
  });
  return { programmeId, status: 'opnieuw geladen', targets: result.targets, baselines: result.baselines };
}

/** Every definition file in `files` whose programme is loaded: reloaded when changed and the rule allows. */
export async function reloadChangedProgrammeDefinitions(
  db: Db,
  files: ProgrammeDefinitionFile[],
  actor: string,
): Promise<ProgrammeReloadResult[]> {
  const results: ProgrammeReloadResult[] = [];
  for (const file of files) results.push(await reloadChangedProgrammeDefinition(db, file, actor));
  return results;
}
