import type { Kysely } from 'kysely';
import type { AdminOrganisationBody, DoelInput, InspanningInput } from '../../schemas/planAdmin.ts';
import { type AuditEntry, writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';

// The SQL of changing a plan in beheer: organisations, doelen and inspanningen, each change with
// its audit line in the same transaction. (planRepository holds the reading and the loading.)

type Executor = Kysely<Database>;
type Actor = AuditEntry['actor'];

/** A change the plan's rules refuse, named by field, so the route can answer 400, 404 or 409. */
export class PlanEditRefusal extends Error {
  constructor(
    readonly kind: 'ongeldig' | 'niet_gevonden' | 'bestaat_al',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export async function listOrganisations(db: Db): Promise<AdminOrganisationBody[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.gemeente_code',
      eb
        .selectFrom('inspanningen as i')
        .select(eb.fn.countAll<number>().as('n'))
        .where((w) =>
          w.or([
            w('i.trekker_id', '=', w.ref('o.id')),
            w.exists(
              w
                .selectFrom('inspanning_partners as p')
                .select('p.inspanning_id')
                .whereRef('p.inspanning_id', '=', 'i.id')
                .whereRef('p.organisation_id', '=', 'o.id'),
            ),
          ]),
        )
        .as('inspanningen'),
      eb
        .selectFrom('users as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.organisation_id', '=', 'o.id')
        .as('gebruikers'),
    ])
    .orderBy('o.gemeente_code')
    .orderBy('o.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    naam: row.name,
    gemeente: row.gemeente_code,
    inspanningen: Number(row.inspanningen ?? 0),
    gebruikers: Number(row.gebruikers ?? 0),
  }));
}

async function organisationRow(db: Executor, id: number) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createOrganisation(
  db: Db,
  input: { naam: string; gemeente: string },
  actor: Actor,
): Promise<{ id: number; naam: string; gemeente: string }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('organisations')
        .values({ name: input.naam, gemeente_code: input.gemeente })
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = { id: row.id, naam: row.name, gemeente: row.gemeente_code };
      await writeAudit(trx, {
        actor,
        action: 'organisatie.aanmaken',
        entity: 'organisaties',
        entityId: row.id,
        before: null,
        after,
      });
      return after;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new PlanEditRefusal(
      'bestaat_al',
      'naam',
      `Er is al een organisatie ${input.naam} in ${input.gemeente}; gebruik die (organisaties zijn herbruikbaar).`,
    );
  }
}

export async function renameOrganisation(db: Db, id: number, naam: string, actor: Actor) {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await organisationRow(trx, id);
      if (!before) throw new PlanEditRefusal('niet_gevonden', 'id', `Er is geen organisatie met id ${id}.`);
      await trx.updateTable('organisations').set({ name: naam }).where('id', '=', id).execute();
      const after = { id, naam, gemeente: before.gemeente_code };
      await writeAudit(trx, {
        actor,
        action: 'organisatie.wijzigen',
        entity: 'organisaties',
        entityId: id,
        before: { id, naam: before.name, gemeente: before.gemeente_code },
        after,
      });
      return after;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new PlanEditRefusal('bestaat_al', 'naam', `Er is al een organisatie die ${naam} heet.`);
  }
}

/** The programme a doel or inspanning belongs to, or a 404 refusal. */
async function ownerProgramme(db: Executor, table: 'doelen' | 'inspanningen', id: number) {
  const row = await db.selectFrom(table).select('programme_id').where('id', '=', id).executeTakeFirst();
  const what = table === 'doelen' ? 'doel' : 'inspanning';
  if (!row) throw new PlanEditRefusal('niet_gevonden', 'id', `Er is geen ${what} met id ${id}.`);
  return row.programme_id;
}

/** A parent must be a doel of the same programme and not the doel itself or one of its subdoelen. */
async function checkParent(db: Executor, programmeId: string, parent: number | null, self: number | null) {
  if (parent === null) return;
  const doelen = await db
    .selectFrom('doelen')
    .select(['id', 'parent_id'])
    .where('programme_id', '=', programmeId)
    .execute();
  const parentOf = new Map(doelen.map((d) => [d.id, d.parent_id]));
  if (!parentOf.has(parent))
    throw new PlanEditRefusal('ongeldig', 'bovenliggend', `Doel ${parent} hoort niet bij dit programma.`);
  for (let at: number | null | undefined = parent; at != null; at = parentOf.get(at)) {
    if (at === self)
      throw new PlanEditRefusal(
        'ongeldig',
        'bovenliggend',
        'Een doel kan geen subdoel zijn van zichzelf of van een van zijn eigen subdoelen.',
      );
  }
}

const doelView = (row: {
  id: number;
  code: string;
  title: string;
  description: string | null;
  parent_id: number | null;
}) => ({
  id: row.id,
  code: row.code,
  titel: row.title,
  omschrijving: row.description,
  bovenliggend: row.parent_id,
});

/** Creates (id null) or replaces a doel; the code is unique within the programme. */
export async function saveDoel(
  db: Db,
  target: { programmeId: string; id: null } | { id: number },
  input: DoelInput,
  actor: Actor,
) {
  try {
    return await db.transaction().execute(async (trx) => {
      const programmeId =
        target.id === null
          ? (target as { programmeId: string }).programmeId
          : await ownerProgramme(trx, 'doelen', target.id);
      await checkParent(trx, programmeId, input.bovenliggend, target.id);
      if (target.id === null) await ensurePlan(trx, programmeId);
      const values = {
        code: input.code,
        title: input.titel,
        description: input.omschrijving,
        parent_id: input.bovenliggend,
      };
      const before =
        target.id === null
          ? null
          : await trx.selectFrom('doelen').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
      const row =
        target.id === null
          ? await trx
              .insertInto('doelen')
              .values({
                ...values,
                programme_id: programmeId,
                sort_order: await nextSortOrder(trx, 'doelen', programmeId),
              })
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .updateTable('doelen')
              .set(values)
              .where('id', '=', target.id)
              .returningAll()
              .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor,
        action: before ? 'doel.wijzigen' : 'doel.aanmaken',
        entity: 'doelen',
        entityId: row.id,
        before: before ? { programma: programmeId, ...doelView(before) } : null,
        after: { programma: programmeId, ...doelView(row) },
      });
      return { programma: programmeId, ...doelView(row) };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new PlanEditRefusal(
      'bestaat_al',
      'code',
      `Dit programma heeft al een doel met code ${input.code}.`,
    );
  }
}

/** A programme that gets its first doel or inspanning in beheer gets its (empty) plan row too. */
async function ensurePlan(db: Executor, programmeId: string) {
  await db
    .insertInto('programme_plans')
    .values({ programme_id: programmeId })
    .onConflict((oc) => oc.column('programme_id').doNothing())
    .execute();
}

async function nextSortOrder(db: Executor, table: 'doelen' | 'inspanningen', programmeId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

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
