import type { Router } from 'express';
import type { InvalidParam } from '../../schemas/problem.ts';
import {
  type AdminProgrammeDetail,
  adminProgrammeDetailSchema,
  adminProgrammeListSchema,
  adminProgrammeSchema,
  programmeIdPathSchema,
  programmeIndicatorRowSchema,
  programmePatchSchema,
  programmeRowPatchSchema,
  programmeRowPathSchema,
} from '../../schemas/programmes.ts';
import type { AppContext } from '../AppContext.ts';
import { writeAudit } from '../audit/audit.ts';
import { requireRole, requireSessionOf } from '../auth/guards.ts';
import { bumpDataGeneration } from '../dataGeneration/dataGenerationRepository.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { parseBody, parsePathParams } from '../http/validate.ts';
import {
  findAdminProgramme,
  findIndicatorNames,
  findKnownAreaCodes,
  findProgrammeIndicatorRows,
  findProgrammeNames,
  setRelatedIndicator,
  updateProgramme,
} from './programmesRepository.ts';
import { adminTargetView, indicatorExists, listTargets } from './targetsRepository.ts';

documentAdmin({
  method: 'get',
  path: '/beheer/programmas',
  operationId: 'listBeheerProgrammas',
  summary: 'Programma’s',
  responses: { 200: { description: 'Programma’s', schema: adminProgrammeListSchema } },
});
documentAdmin({
  method: 'get',
  path: '/beheer/programmas/{id}',
  operationId: 'getBeheerProgramma',
  summary: 'Programma met gebieden, streefwaarden, rijen (met verwante reeks) en indicatoren',
  params: programmeIdPathSchema,
  responses: {
    200: { description: 'Programma', schema: adminProgrammeDetailSchema },
    404: { problem: 'Niet gevonden' },
  },
});
documentAdmin({
  method: 'patch',
  path: '/beheer/programmas/{id}',
  operationId: 'updateProgramma',
  summary: 'Naam, gebieden en referentiegebied wijzigen',
  params: programmeIdPathSchema,
  body: programmePatchSchema,
  responses: {
    200: { description: 'Gewijzigd', schema: adminProgrammeSchema },
    404: { problem: 'Niet gevonden' },
  },
});
documentAdmin({
  method: 'patch',
  path: '/beheer/programmas/{id}/rijen/{indicatorId}',
  operationId: 'updateProgrammaRij',
  summary: 'De verwante reeks van een rij van het plan wijzigen of weghalen (null)',
  params: programmeRowPathSchema,
  body: programmeRowPatchSchema,
  responses: {
    200: { description: 'Gewijzigd', schema: programmeIndicatorRowSchema },
    404: { problem: 'Programma of rij bestaat niet' },
  },
});

/** The programme's name, its areas (focus buurten/wijken and programme areas) and its reference area. */
export function mountProgrammesAdmin(router: Router, { db }: AppContext): void {
  const dataRoles = requireRole('beheerder', 'redacteur');

  router.get('/programmas', dataRoles, async (_req, res) => {
    const rows = await findProgrammeNames(db);
    res.set('Cache-Control', 'no-store').json({
      programmas: rows.map((row) => ({ id: row.id, naam: row.name, gemeente: row.gemeente_code })),
    });
  });

  router.get('/programmas/:id', dataRoles, async (req, res) => {
    const { id } = parsePathParams(req, programmeIdPathSchema);
    const programme = await findAdminProgramme(db, id);
    if (!programme) throw notFound(`Er is geen programma ${id}.`);
    const [targets, rows, indicators] = await Promise.all([
      listTargets(db, id),
      findProgrammeIndicatorRows(db, id),
      findIndicatorNames(db),
    ]);
    const body: AdminProgrammeDetail = {
      ...programme,
      streefwaarden: targets.map(adminTargetView),
      rijen: rows,
      indicatoren: indicators,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.patch('/programmas/:id', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const { id } = parsePathParams(req, programmeIdPathSchema);
    const patch = parseBody(req, programmePatchSchema);
    const after = await db.transaction().execute(async (trx) => {
      const before = await findAdminProgramme(trx, id);
      if (!before) throw notFound(`Er is geen programma ${id}.`);
      const invalid: InvalidParam[] = [];
      if (patch.referentiegebied && (await findKnownAreaCodes(trx, [patch.referentiegebied])).size === 0) {
        invalid.push({
          name: 'referentiegebied',
          reason: `Er is geen gebied met code ${patch.referentiegebied}`,
        });
      }
      if (patch.gebieden) {
        const codes = patch.gebieden.map((area) => area.gebiedscode);
        const known = await findKnownAreaCodes(trx, codes, before.indeling);
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
      await updateProgramme(trx, id, patch);
      const changed = await findAdminProgramme(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'programma.wijzigen',
        entity: 'programma',
        entityId: id,
        before,
        after: changed ?? null,
      });
      await bumpDataGeneration(trx); // cached map layers are stale now (0107)
      return changed;
    });
    res.json(after);
  });

  // Issue 8 item 6: the programme manager chooses which real series stands beside a row (decision 0063).
  router.patch('/programmas/:id/rijen/:indicatorId', dataRoles, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const { id, indicatorId } = parsePathParams(req, programmeRowPathSchema);
    const { verwanteIndicatorId } = parseBody(req, programmeRowPatchSchema);
    const row = await db.transaction().execute(async (trx) => {
      const before = (await findProgrammeIndicatorRows(trx, id)).find((r) => r.indicatorId === indicatorId);
      if (!before) throw notFound(`Programma ${id} heeft geen rij met indicator ${indicatorId}.`);
      if (verwanteIndicatorId !== null) {
        const reason =
          verwanteIndicatorId === indicatorId
            ? 'De verwante reeks is een andere indicator dan die van de rij zelf'
            : (await indicatorExists(trx, verwanteIndicatorId))
              ? undefined
              : `Er is geen indicator ${verwanteIndicatorId}`;
        if (reason)
          throw badRequest('De verwante reeks is ongeldig.', [{ name: 'verwanteIndicatorId', reason }]);
      }
      await setRelatedIndicator(trx, id, indicatorId, verwanteIndicatorId);
      const after = { ...before, verwanteIndicatorId };
      await writeAudit(trx, {
        actor,
        action: 'programmarij.wijzigen',
        entity: 'programmarij',
        entityId: `${id}/${indicatorId}`,
        before,
        after,
      });
      await bumpDataGeneration(trx); // cached map layers are stale now (0107)
      return after;
    });
    res.json(row);
  });
}
