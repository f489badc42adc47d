import type { Router } from 'express';
import type { Kysely } from 'kysely';
import type { InvalidParam } from '../../schemas/problem.ts';
import { programmeIdPattern } from '../../schemas/vocabulary.ts';
import { z } from '../../schemas/zod.ts';
import type { AppContext } from '../AppContext.ts';
import { writeAudit } from '../audit/audit.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import type { Database } from '../db/Database.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { parseBody, parsePathParams } from '../http/validate.ts';
import { programmePatchSchema } from './targetSchemas.ts';
import { targetView } from './targetsRoutes.ts';

const programmeParams = z.object({
  id: z.string().regex(programmeIdPattern, 'Verwacht een programma-id als sterk-voor-noord'),
});

/** A programme with its areas, as the beheer screens show and the audit log records it. */
async function programmeState(db: Kysely<Database>, id: string) {
  const programme = await db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!programme) return undefined;
  const areas = await db
    .selectFrom('programme_areas')
    .leftJoin('areas', (join) =>
      join.onRef('areas.code', '=', 'programme_areas.area_code').on('areas.vintage', '=', programme.vintage),
    )
    .select(['programme_areas.area_code', 'programme_areas.role', 'programme_areas.label', 'areas.name'])
    .where('programme_areas.programme_id', '=', id)
    .orderBy('programme_areas.sort_order')
    .orderBy('programme_areas.area_code')
    .execute();
  return {
    id: programme.id,
    naam: programme.name,
    gemeentecode: programme.gemeente_code,
    startjaar: programme.start_year,
    horizonJaren: programme.horizon_years,
    indeling: programme.vintage,
    referentiegebied: programme.reference_area_code,
    gebieden: areas.map((area) => ({
      gebiedscode: area.area_code,
      rol: area.role,
      label: area.label,
      naam: area.name,
    })),
  };
}

/** The programme's name, its areas (focus buurten/wijken and programme areas) and its reference area. */
export function mountProgrammesBeheer(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur');

  router.get('/programmas', dataRoles, async (_req, res) => {
    const rows = await db
      .selectFrom('programmes')
      .select(['id', 'name', 'gemeente_code'])
      .orderBy('name')
      .execute();
    res.set('Cache-Control', 'no-store').json({
      programmas: rows.map((row) => ({ id: row.id, naam: row.name, gemeente: row.gemeente_code })),
    });
  });

  /** Everything the targets editor needs in one answer: programme, areas, targets, indicators. */
  router.get('/programmas/:id', dataRoles, async (req, res) => {
    const { id } = parsePathParams(req, programmeParams);
    const programme = await programmeState(db, id);
    if (!programme) throw notFound(`Er is geen programma ${id}.`);
    const [targets, indicators] = await Promise.all([
      db
        .selectFrom('targets')
        .selectAll()
        .where('programme_id', '=', id)
        .orderBy('indicator_id')
        .orderBy('area_code')
        .orderBy('horizon')
        .execute(),
      db.selectFrom('indicators').select(['id', 'name', 'unit']).orderBy('name').execute(),
    ]);
    res.set('Cache-Control', 'no-store').json({
      ...programme,
      streefwaarden: targets.map(targetView),
      indicatoren: indicators.map((i) => ({ id: i.id, naam: i.name, eenheid: i.unit })),
    });
  });

  router.patch('/programmas/:id', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const { id } = parsePathParams(req, programmeParams);
    const patch = parseBody(req, programmePatchSchema);
    const after = await db.transaction().execute(async (trx) => {
      const before = await programmeState(trx, id);
      if (!before) throw notFound(`Er is geen programma ${id}.`);
      const invalid: InvalidParam[] = [];
      if (patch.referentiegebied) {
        const exists = await trx
          .selectFrom('areas')
          .select('code')
          .where('code', '=', patch.referentiegebied)
          .limit(1)
          .executeTakeFirst();
        if (!exists)
          invalid.push({
            name: 'referentiegebied',
            reason: `Er is geen gebied met code ${patch.referentiegebied}`,
          });
      }
      if (patch.gebieden) {
        const codes = patch.gebieden.map((area) => area.gebiedscode);
        const found = await trx
          .selectFrom('areas')
          .select('code')
          .where('code', 'in', codes)
          .where('vintage', '=', before.indeling)
          .execute();
        const known = new Set(found.map((row) => row.code));
        patch.gebieden.forEach((area, index) => {
          if (!known.has(area.gebiedscode)) {
            invalid.push({
              name: `gebieden.${index}.gebiedscode`,
              reason: `Er is geen gebied ${area.gebiedscode} in de indeling ${before.indeling}`,
            });
          }
        });
      }
      if (invalid.length > 0)
        throw badRequest('Het programma verwijst naar gebieden die niet bestaan.', invalid);

      await trx
        .updateTable('programmes')
        .set({
          ...(patch.naam !== undefined ? { name: patch.naam } : {}),
          ...(patch.referentiegebied !== undefined ? { reference_area_code: patch.referentiegebied } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (patch.gebieden) {
        await trx.deleteFrom('programme_areas').where('programme_id', '=', id).execute();
        await trx
          .insertInto('programme_areas')
          .values(
            patch.gebieden.map((area, index) => ({
              programme_id: id,
              area_code: area.gebiedscode,
              role: area.rol,
              label: area.label ?? null,
              sort_order: index,
            })),
          )
          .execute();
      }
      const changed = await programmeState(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'programma.wijzigen',
        entity: 'programma',
        entityId: id,
        before,
        after: changed ?? null,
      });
      return changed;
    });
    res.json(after);
  });
}
