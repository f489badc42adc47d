import type { Kysely } from 'kysely';
import type { AdminTarget, TargetInput } from '../../schemas/targets.ts';
import type { Database, Target } from '../db/Database.ts';

type Db = Kysely<Database>;

/** A target row in the beheer API's words (the same fields the beheer API takes). */
export function adminTargetView(target: Target): AdminTarget {
  return {
    id: target.id,
    programmaId: target.programme_id,
    indicatorId: target.indicator_id,
    gebiedscode: target.area_code,
    horizon: target.horizon,
    streefjaar: target.target_year,
    soort: target.kind,
    streefwaarde: target.target_value,
    referentiegebied: target.reference_area_code,
    richting: target.direction,
    basisjaar: target.baseline_year,
    basiswaarde: target.baseline_value,
    planTekst: target.plan_text,
    toelichting: target.note,
    besluitKenmerk: target.decision_reference,
    besluitDatum: target.decision_date,
    gewijzigd: new Date(target.updated_at).toISOString(),
  };
}

/**
 * Columns for a valid input. Fields another kind does not use are cleared, so that a target
 * switched from absoluut to richting does not keep a stale number that looks meaningful. The
 * plan's fixed number stays for referentieniveau ("6% LV" keeps the 6).
 */
function targetColumns(input: TargetInput) {
  return {
    programme_id: input.programmaId,
    indicator_id: input.indicatorId,
    area_code: input.gebiedscode,
    horizon: input.horizon,
    target_year: input.streefjaar,
    kind: input.soort,
    target_value: input.soort === 'richting' ? null : (input.streefwaarde ?? null),
    reference_area_code: input.soort === 'referentieniveau' ? (input.referentiegebied ?? null) : null,
    direction: input.soort === 'richting' ? (input.richting ?? null) : null,
    baseline_year: input.basisjaar ?? null,
    baseline_value: input.basiswaarde ?? null,
    plan_text: input.planTekst ?? null,
    note: input.toelichting ?? null,
    decision_reference: input.besluitKenmerk ?? null,
    decision_date: input.besluitDatum ?? null,
    updated_at: new Date(),
  };
}

export async function listTargets(db: Db, programmeId?: string): Promise<Target[]> {
  let query = db.selectFrom('targets').selectAll();
  if (programmeId) query = query.where('programme_id', '=', programmeId);
  return query
    .orderBy('programme_id')
    .orderBy('indicator_id')
    .orderBy('area_code')
    .orderBy('horizon')
    .execute();
}

/** The target, locked for the rest of the transaction. */
export async function findTargetForUpdate(db: Db, id: number): Promise<Target | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findTarget(db: Db, id: number): Promise<Target | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTarget(db: Db, input: TargetInput): Promise<Target> {
  return db.insertInto('targets').values(targetColumns(input)).returningAll().executeTakeFirstOrThrow();
}

export async function updateTarget(db: Db, id: number, input: TargetInput): Promise<Target> {
  return db
    .updateTable('targets')
    .set(targetColumns(input))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTarget(db: Db, id: number): Promise<void> {
  await db.deleteFrom('targets').where('id', '=', id).execute();
}

/** A CBS area in any vintage, or an area a programme names (programme areas have no boundaries). */
export async function areaExists(db: Db, code: string): Promise<boolean> {
  const area = await db
    .selectFrom('areas')
    .select('code')
    .where('code', '=', code)
    .limit(1)
    .executeTakeFirst();
  if (area) return true;
  const programmeArea = await db
    .selectFrom('programme_areas')
    .select('area_code')
    .where('area_code', '=', code)
    .limit(1)
    .executeTakeFirst();
  return programmeArea !== undefined;
}

export async function programmeExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function indicatorExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('indicators').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

/** Another target of the programme for the same indicator, area and horizon. */
export async function findDuplicateTarget(db: Db, input: TargetInput, exceptId?: number) {
  let query = db
    .selectFrom('targets')
    .select('id')
    .where('programme_id', '=', input.programmaId)
    .where('indicator_id', '=', input.indicatorId)
    .where('area_code', '=', input.gebiedscode)
    .where('horizon', '=', input.horizon);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}
