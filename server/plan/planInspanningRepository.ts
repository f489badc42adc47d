import type { InspanningInput } from '../../schemas/planAdmin.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/createDatabase.ts';
import {
  type Actor,
  type Executor,
  ensurePlan,
  isUniqueViolation,
  nextSortOrder,
  ownerProgramme,
  PlanEditRefusal,
} from './planEditRepository.ts';

// The SQL of creating and replacing an inspanning with its lists (partners, doelen, areas,
// middelen), each change with its audit line holding the whole inspanning before and after.

/** Organisations must come from the programme's gemeente, doelen from the programme, areas must exist. */
async function checkReferences(db: Executor, programmeId: string, input: InspanningInput) {
  const programme = await db
    .selectFrom('programmes')
    .select('gemeente_code')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const organisationIds = [
    ...new Set([...(input.trekker === null ? [] : [input.trekker]), ...input.partners]),
  ];
  if (organisationIds.length > 0) {
    const found = await db
      .selectFrom('organisations')
      .select(['id', 'gemeente_code'])
      .where('id', 'in', organisationIds)
      .execute();
    for (const id of organisationIds) {
      const row = found.find((o) => o.id === id);
      const field = id === input.trekker ? 'trekker' : `partners.${input.partners.indexOf(id)}`;
      if (!row) throw new PlanEditRefusal('ongeldig', field, `Er is geen organisatie met id ${id}.`);
      if (row.gemeente_code !== programme.gemeente_code)
        throw new PlanEditRefusal(
          'ongeldig',
          field,
          `Organisatie ${id} hoort bij ${row.gemeente_code}, dit programma bij ${programme.gemeente_code}.`,
        );
    }
  }
  const doelen = await db
    .selectFrom('doelen')
    .select(['id', 'code'])
    .where('programme_id', '=', programmeId)
    .execute();
  const doelIds = input.doelen.map((code, index) => {
    const doel = doelen.find((d) => d.code === code);
    if (!doel)
      throw new PlanEditRefusal('ongeldig', `doelen.${index}`, `Dit programma heeft geen doel ${code}.`);
    return doel.id;
  });
  if (input.gebieden.length > 0) {
    const areas = await db
      .selectFrom('areas')
      .select('code')
      .distinct()
      .where('code', 'in', input.gebieden)
      .execute();
    input.gebieden.forEach((code, index) => {
      if (!areas.some((a) => a.code === code))
        throw new PlanEditRefusal('ongeldig', `gebieden.${index}`, `Er is geen gebied met code ${code}.`);
    });
  }
  return { doelIds: [...new Set(doelIds)] };
}

/** Replaces the lists of an inspanning (partners, doelen, areas, amounts) with the given ones. */
async function writeInspanningLists(db: Executor, id: number, input: InspanningInput, doelIds: number[]) {
  for (const table of [
    'inspanning_partners',
    'inspanning_doelen',
    'inspanning_areas',
    'inspanning_budgets',
  ] as const)
    await db.deleteFrom(table).where('inspanning_id', '=', id).execute();
  const partners = [...new Set(input.partners)];
  if (partners.length > 0)
    await db
      .insertInto('inspanning_partners')
      .values(
        partners.map((organisation, i) => ({
          inspanning_id: id,
          organisation_id: organisation,
          sort_order: i + 1,
        })),
      )
      .execute();
  if (doelIds.length > 0)
    await db
      .insertInto('inspanning_doelen')
      .values(doelIds.map((doel) => ({ inspanning_id: id, doel_id: doel })))
      .execute();
  const areas = [...new Set(input.gebieden)];
  if (areas.length > 0)
    await db
      .insertInto('inspanning_areas')
      .values(areas.map((area) => ({ inspanning_id: id, area_code: area })))
      .execute();
  if (input.middelen.bedragen.length > 0)
    await db
      .insertInto('inspanning_budgets')
      .values(input.middelen.bedragen.map((a) => ({ inspanning_id: id, year: a.jaar, amount: a.bedrag })))
      .execute();
}

/** What the audit log keeps of an inspanning: the input as given, with its id and programme. */
async function inspanningSnapshot(db: Executor, id: number) {
  const row = await db.selectFrom('inspanningen').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [partners, doelen, areas, budgets] = await Promise.all([
    db
      .selectFrom('inspanning_partners')
      .select('organisation_id')
      .where('inspanning_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('inspanning_doelen as l')
      .innerJoin('doelen as d', 'd.id', 'l.doel_id')
      .select('d.code')
      .where('l.inspanning_id', '=', id)
      .orderBy('d.sort_order')
      .execute(),
    db
      .selectFrom('inspanning_areas')
      .select('area_code')
      .where('inspanning_id', '=', id)
      .orderBy('area_code')
      .execute(),
    db
      .selectFrom('inspanning_budgets')
      .select(['year', 'amount'])
      .where('inspanning_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    id,
    programma: row.programme_id,
    code: row.code,
    soort: row.kind,
    wat: row.title,
    hoe: row.description,
    wanneer: { tekst: row.period_text, start: row.period_start, eind: row.period_end },
    trekker: row.trekker_id,
    partners: partners.map((p) => p.organisation_id),
    middelen: { tekst: row.budget_text, bedragen: budgets.map((b) => ({ jaar: b.year, bedrag: b.amount })) },
    doelen: doelen.map((d) => d.code),
    gebieden: areas.map((a) => a.area_code),
    output:
      row.output_label === null ? null : { omschrijving: row.output_label, gepland: row.output_planned },
  };
}
export type InspanningSnapshot = Awaited<ReturnType<typeof inspanningSnapshot>>;

/** Creates (id null) or replaces an inspanning with all its lists; the code is unique within the programme. */
export async function saveInspanning(
  db: Db,
  target: { programmeId: string; id: null } | { id: number },
  input: InspanningInput,
  actor: Actor,
): Promise<InspanningSnapshot> {
  try {
    return await db.transaction().execute(async (trx) => {
      const programmeId =
        target.id === null
          ? (target as { programmeId: string }).programmeId
          : await ownerProgramme(trx, 'inspanningen', target.id);
      const { doelIds } = await checkReferences(trx, programmeId, input);
      if (target.id === null) await ensurePlan(trx, programmeId);
      const values = {
        code: input.code,
        kind: input.soort,
        title: input.wat,
        description: input.hoe,
        period_text: input.wanneer.tekst,
        period_start: input.wanneer.start,
        period_end: input.wanneer.eind,
        trekker_id: input.trekker,
        budget_text: input.middelen.tekst,
        output_label: input.output?.omschrijving ?? null,
        output_planned: input.output?.gepland ?? null,
      };
      const before = target.id === null ? null : await inspanningSnapshot(trx, target.id);
      const id =
        target.id === null
          ? (
              await trx
                .insertInto('inspanningen')
                .values({
                  ...values,
                  programme_id: programmeId,
                  sort_order: await nextSortOrder(trx, 'inspanningen', programmeId),
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id
          : target.id;
      if (target.id !== null)
        await trx.updateTable('inspanningen').set(values).where('id', '=', id).execute();
      await writeInspanningLists(trx, id, input, doelIds);
      const after = await inspanningSnapshot(trx, id);
      await writeAudit(trx, {
        actor,
        action: before ? 'inspanning.wijzigen' : 'inspanning.aanmaken',
        entity: 'inspanningen',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new PlanEditRefusal(
      'bestaat_al',
      'code',
      `Dit programma heeft al een inspanning met code ${input.code}.`,
    );
  }
}
