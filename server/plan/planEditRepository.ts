import type { Kysely } from 'kysely';
import type { AdminOrganisationBody, DoelInput } from '../../schemas/planAdmin.ts';
import { type AuditEntry, writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';

// The SQL of changing a plan in beheer: organisations and doelen (inspanningen in
// planInspanningRepository), each change with
// its audit line in the same transaction. (planRepository holds the reading and the loading.)

export type Executor = Kysely<Database>;
export type Actor = AuditEntry['actor'];

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

export const isUniqueViolation = (error: unknown) =>
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
export async function ownerProgramme(db: Executor, table: 'doelen' | 'inspanningen', id: number) {
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
export async function ensurePlan(db: Executor, programmeId: string) {
  await db
    .insertInto('programme_plans')
    .values({ programme_id: programmeId })
    .onConflict((oc) => oc.column('programme_id').doNothing())
    .execute();
}

export async function nextSortOrder(db: Executor, table: 'doelen' | 'inspanningen', programmeId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}
