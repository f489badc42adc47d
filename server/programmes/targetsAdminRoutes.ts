import type { Request, Router } from 'express';
import type { InvalidParam } from '../../schemas/problem.ts';
import {
  adminTargetSchema,
  newTargetSchema,
  type TargetHistoryBody,
  type TargetInput,
  targetHistorySchema,
  targetKindIssues,
  targetPatchSchema,
} from '../../schemas/targets.ts';
import { programmeIdPattern } from '../../schemas/vocabulary.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { auditEntriesOf, writeAudit } from '../audit/audit.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { bumpDataGeneration } from '../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../db/createDatabase.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { idParam, idPathSchema } from '../http/idParam.ts';
import { badRequest, HttpProblem, invalidParamsFromZod, notFound } from '../http/problem.ts';
import { parseBody, parseQuery } from '../http/validate.ts';
import { decisionIssues } from './targetDecision.ts';
import {
  adminTargetView,
  areaExists,
  deleteTarget,
  findDuplicateTarget,
  findTarget,
  findTargetForUpdate,
  indicatorExists,
  insertTarget,
  listTargets,
  programmeExists,
  updateTarget,
} from './targetsRepository.ts';

const listQuerySchema = z.object({
  programma: z
    .string()
    .regex(programmeIdPattern, 'Verwacht een programma-id als sterk-voor-noord')
    .optional(),
});
const targetListSchema = z
  .object({ streefwaarden: z.array(adminTargetSchema) })
  .openapi('BeheerStreefwaarden');

documentAdmin({
  method: 'get',
  path: '/beheer/streefwaarden',
  operationId: 'listStreefwaarden',
  summary: 'Streefwaarden (filter ?programma=)',
  query: listQuerySchema,
  responses: { 200: { description: 'Streefwaarden', schema: targetListSchema } },
});
documentAdmin({
  method: 'post',
  path: '/beheer/streefwaarden',
  operationId: 'createStreefwaarde',
  summary:
    'Streefwaarde aanmaken (absoluut, referentieniveau of richting), met het raadsbesluit als dat bekend is',
  body: newTargetSchema,
  responses: {
    201: { description: 'Aangemaakt', schema: adminTargetSchema },
    409: { problem: 'Bestaat al' },
  },
});
documentAdmin({
  method: 'patch',
  path: '/beheer/streefwaarden/{id}',
  operationId: 'updateStreefwaarde',
  summary:
    'Streefwaarde wijzigen; verandert de wijziging wat de streefwaarde vraagt, dan noemt ze het raadsbesluit (besluitKenmerk en besluitDatum)',
  params: idPathSchema,
  body: targetPatchSchema,
  responses: {
    200: { description: 'Gewijzigd', schema: adminTargetSchema },
    404: { problem: 'Niet gevonden' },
    409: { problem: 'Bestaat al' },
  },
});
documentAdmin({
  method: 'delete',
  path: '/beheer/streefwaarden/{id}',
  operationId: 'deleteStreefwaarde',
  summary: 'Streefwaarde verwijderen (blijft in het auditlog)',
  params: idPathSchema,
  responses: { 204: { description: 'Verwijderd' }, 404: { problem: 'Niet gevonden' } },
});
documentAdmin({
  method: 'get',
  path: '/beheer/streefwaarden/{id}/historie',
  operationId: 'getStreefwaardeHistorie',
  summary:
    'Elke versie van een streefwaarde: wie, wanneer, ervoor en erna, en het raadsbesluit waarop ze rust',
  params: idPathSchema,
  responses: {
    200: { description: 'Historie', schema: targetHistorySchema },
    404: { problem: 'Niet gevonden' },
  },
});

/** The references a target makes must exist: programme, indicator, area and reference area. */
async function checkReferences(db: Db, input: TargetInput): Promise<void> {
  const invalid: InvalidParam[] = [];
  if (!(await programmeExists(db, input.programmaId)))
    invalid.push({ name: 'programmaId', reason: `Er is geen programma ${input.programmaId}` });
  if (!(await indicatorExists(db, input.indicatorId)))
    invalid.push({ name: 'indicatorId', reason: `Er is geen indicator ${input.indicatorId}` });
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

function validTarget(candidate: unknown, extra: InvalidParam[] = []): TargetInput {
  const result = newTargetSchema.safeParse(candidate);
  if (result.success && extra.length === 0) return result.data;
  // zod skips the cross-field rules once a field fails; add them so every problem is named at once.
  const invalid = result.success ? [] : invalidParamsFromZod(result.error);
  const named = new Set(invalid.map((param) => param.name));
  const raw =
    typeof candidate === 'object' && candidate !== null ? (candidate as Record<string, unknown>) : {};
  for (const issue of [...targetKindIssues(raw), ...extra]) {
    if (!named.has(issue.name)) invalid.push(issue);
    named.add(issue.name);
  }
  throw badRequest('De streefwaarde is ongeldig.', invalid);
}

/** Optional fields are absent rather than null before a merge, so the schema sees what is set. */
function dropNulls<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Partial<T>;
}

const verbOf = (action: string) => action.slice(action.indexOf('.') + 1);

/** Create, change and delete targets (all three kinds); the audit log keeps every version. */
export function mountTargetsAdmin(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur');

  router.get('/streefwaarden', dataRoles, async (req, res) => {
    const { programma } = parseQuery(req, listQuerySchema);
    const rows = await listTargets(db, programma);
    res.set('Cache-Control', 'no-store').json({ streefwaarden: rows.map(adminTargetView) });
  });

  router.post('/streefwaarden', dataRoles, async (req: Request, res) => {
    const actor = requireSessionOf(res).user;
    const input = validTarget(req.body);
    const created = await db.transaction().execute(async (trx) => {
      await checkReferences(trx, input);
      if (await findDuplicateTarget(trx, input)) throw duplicate(input);
      const row = await insertTarget(trx, input);
      await writeAudit(trx, {
        actor,
        action: 'streefwaarde.aanmaken',
        entity: 'streefwaarde',
        entityId: row.id,
        before: null,
        after: adminTargetView(row),
      });
      await bumpDataGeneration(trx); // cached map layers are stale now (0107)
      return row;
    });
    res.status(201).location(`${req.baseUrl}/streefwaarden/${created.id}`).json(adminTargetView(created));
  });

  router.patch('/streefwaarden/:id', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const id = idParam(req);
    const patch = parseBody(req, targetPatchSchema);
    const updated = await db.transaction().execute(async (trx) => {
      const before = await findTargetForUpdate(trx, id);
      if (!before) throw notFound(`Er is geen streefwaarde met id ${id}.`);
      const beforeView = adminTargetView(before);
      const { id: _id, gewijzigd: _gewijzigd, besluitKenmerk, besluitDatum, ...current } = beforeView;
      // A decision belongs to the change it is given with; a text-only correction keeps the last one.
      const decision = patch.besluitKenmerk ? {} : dropNulls({ besluitKenmerk, besluitDatum });
      const input = validTarget(
        { ...dropNulls(current), ...decision, ...patch },
        decisionIssues(beforeView, patch),
      );
      await checkReferences(trx, input);
      if (await findDuplicateTarget(trx, input, id)) throw duplicate(input);
      const after = await updateTarget(trx, id, input);
      await writeAudit(trx, {
        actor,
        action: 'streefwaarde.wijzigen',
        entity: 'streefwaarde',
        entityId: id,
        before: beforeView,
        after: adminTargetView(after),
      });
      await bumpDataGeneration(trx); // cached map layers are stale now (0107)
      return after;
    });
    res.json(adminTargetView(updated));
  });

  router.delete('/streefwaarden/:id', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const id = idParam(req);
    await db.transaction().execute(async (trx) => {
      const before = await findTargetForUpdate(trx, id);
      if (!before) throw notFound(`Er is geen streefwaarde met id ${id}.`);
      await deleteTarget(trx, id);
      // The whole row goes into the audit log: a deleted target can be read back and restored from there.
      await writeAudit(trx, {
        actor,
        action: 'streefwaarde.verwijderen',
        entity: 'streefwaarde',
        entityId: id,
        before: adminTargetView(before),
        after: null,
      });
      await bumpDataGeneration(trx); // cached map layers are stale now (0107)
    });
    res.status(204).end();
  });

  router.get('/streefwaarden/:id/historie', dataRoles, async (req, res) => {
    const id = idParam(req);
    const entries = await auditEntriesOf(db, 'streefwaarde', id);
    if (entries.length === 0 && !(await findTarget(db, id)))
      throw notFound(`Er is geen streefwaarde met id ${id}.`);
    const body: TargetHistoryBody = {
      historie: entries.map((entry) => {
        const after = entry.after as Record<string, unknown> | null;
        return {
          tijdstip: new Date(entry.at).toISOString(),
          actie: verbOf(entry.action) as TargetHistoryBody['historie'][number]['actie'],
          gebruiker: entry.actor,
          voor: entry.before,
          na: after,
          besluitKenmerk: (after?.besluitKenmerk as string | undefined) ?? null,
          besluitDatum: (after?.besluitDatum as string | undefined) ?? null,
        };
      }),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
}
