import type { Request, Router } from 'express';
import type { Kysely } from 'kysely';
import type { InvalidParam } from '../../schemas/problem.ts';
import { programmeIdPattern } from '../../schemas/vocabulary.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { writeAudit } from '../audit/audit.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import type { Database, Target } from '../db/Database.ts';
import { badRequest, HttpProblem, invalidParamsFromZod, notFound } from '../http/problem.ts';
import { parseBody, parseQuery } from '../http/validate.ts';
import { idParam } from './beheerParams.ts';
import { newTargetSchema, type TargetInput, targetPatchSchema, targetRuleIssues } from './targetSchemas.ts';

/** A target row in the API's words (the same fields the beheer API takes). */
export function targetView(target: Target) {
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
    updated_at: new Date(),
  };
}

async function areaExists(db: Kysely<Database>, code: string): Promise<boolean> {
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

/** The references a target makes must exist: programme, indicator, area and reference area. */
async function checkReferences(db: Kysely<Database>, input: TargetInput): Promise<void> {
  const invalid: InvalidParam[] = [];
  const programme = await db
    .selectFrom('programmes')
    .select('id')
    .where('id', '=', input.programmaId)
    .executeTakeFirst();
  if (!programme) invalid.push({ name: 'programmaId', reason: `Er is geen programma ${input.programmaId}` });
  const indicator = await db
    .selectFrom('indicators')
    .select('id')
    .where('id', '=', input.indicatorId)
    .executeTakeFirst();
  if (!indicator) invalid.push({ name: 'indicatorId', reason: `Er is geen indicator ${input.indicatorId}` });
  if (!(await areaExists(db, input.gebiedscode))) {
    invalid.push({ name: 'gebiedscode', reason: `Er is geen gebied met code ${input.gebiedscode}` });
  }
  if (
    input.soort === 'referentieniveau' &&
    input.referentiegebied &&
    !(await areaExists(db, input.referentiegebied))
  ) {
    invalid.push({
      name: 'referentiegebied',
      reason: `Er is geen gebied met code ${input.referentiegebied}`,
    });
  }
  if (invalid.length > 0) throw badRequest('De streefwaarde verwijst naar iets dat niet bestaat.', invalid);
}

const duplicate = (input: TargetInput) =>
  new HttpProblem(
    409,
    'Streefwaarde bestaat al',
    `Er is al een streefwaarde voor ${input.indicatorId} in ${input.gebiedscode} met horizon ${input.horizon} jaar.`,
  );

async function findDuplicate(db: Kysely<Database>, input: TargetInput, exceptId?: number) {
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

function validTarget(candidate: unknown): TargetInput {
  const result = newTargetSchema.safeParse(candidate);
  if (result.success) return result.data;
  // zod skips the cross-field rules once a field fails; add them so every problem is named at once.
  const invalid = invalidParamsFromZod(result.error);
  const named = new Set(invalid.map((param) => param.name));
  const raw =
    typeof candidate === 'object' && candidate !== null ? (candidate as Record<string, unknown>) : {};
  for (const issue of targetRuleIssues(raw)) if (!named.has(issue.name)) invalid.push(issue);
  throw badRequest('De streefwaarde is ongeldig.', invalid);
}

const listQuerySchema = z.object({
  programma: z
    .string()
    .regex(programmeIdPattern, 'Verwacht een programma-id als sterk-voor-noord')
    .optional(),
});

/** Create, change and delete targets (all three kinds); the audit log keeps every version. */
export function mountTargets(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur');

  router.get('/streefwaarden', dataRoles, async (req, res) => {
    const { programma } = parseQuery(req, listQuerySchema);
    let query = db.selectFrom('targets').selectAll();
    if (programma) query = query.where('programme_id', '=', programma);
    const rows = await query
      .orderBy('programme_id')
      .orderBy('indicator_id')
      .orderBy('area_code')
      .orderBy('horizon')
      .execute();
    res.set('Cache-Control', 'no-store').json({ streefwaarden: rows.map(targetView) });
  });

  router.post('/streefwaarden', dataRoles, async (req: Request, res) => {
    const actor = requireSessionOf(res).user;
    const input = validTarget(req.body);
    const created = await db.transaction().execute(async (trx) => {
      await checkReferences(trx, input);
      if (await findDuplicate(trx, input)) throw duplicate(input);
      const row = await trx
        .insertInto('targets')
        .values(targetColumns(input))
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: 'streefwaarde.aanmaken',
        entity: 'streefwaarde',
        entityId: row.id,
        before: null,
        after: targetView(row),
      });
      return row;
    });
    res.status(201).location(`${req.baseUrl}/streefwaarden/${created.id}`).json(targetView(created));
  });

  router.patch('/streefwaarden/:id', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const id = idParam(req);
    const patch = parseBody(req, targetPatchSchema);
    const updated = await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('targets')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound(`Er is geen streefwaarde met id ${id}.`);
      const { id: _id, gewijzigd: _gewijzigd, ...current } = targetView(before);
      const input = validTarget({ ...dropNulls(current), ...patch });
      await checkReferences(trx, input);
      if (await findDuplicate(trx, input, id)) throw duplicate(input);
      const after = await trx
        .updateTable('targets')
        .set(targetColumns(input))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: 'streefwaarde.wijzigen',
        entity: 'streefwaarde',
        entityId: id,
        before: targetView(before),
        after: targetView(after),
      });
      return after;
    });
    res.json(targetView(updated));
  });

  router.delete('/streefwaarden/:id', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const id = idParam(req);
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('targets')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound(`Er is geen streefwaarde met id ${id}.`);
      await trx.deleteFrom('targets').where('id', '=', id).execute();
      // The whole row goes into the audit log: a deleted target can be read back and restored from there.
      await writeAudit(trx, {
        actor,
        action: 'streefwaarde.verwijderen',
        entity: 'streefwaarde',
        entityId: id,
        before: targetView(before),
        after: null,
      });
    });
    res.status(204).end();
  });
}

/** Optional fields are absent rather than null before a merge, so the schema sees what is set. */
function dropNulls<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Partial<T>;
}
