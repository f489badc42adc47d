import type { Kysely } from 'kysely';
import type { VoortgangFormBody } from '../../schemas/plan.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Database, VoortgangStatus } from '../db/Database.ts';
import { flattenDoelen, type PlanDefinition } from './planDefinition.ts';

// The only place with the SQL of a programme's plan: doelen, inspanningen, organisations,
// budget lines and voortgang.

type Executor = Kysely<Database>;

/** Whether the programme has a plan in the database (doelen or inspanningen). */
export async function hasPlan(db: Executor, programmeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programme_plans')
    .select('programme_id')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Finds an organisation of this gemeente by name (case-insensitive) or creates it. */
async function organisationId(db: Executor, gemeenteCode: string, name: string, cache: Map<string, number>) {
  const key = name.trim().toLowerCase();
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const existing = await db
    .selectFrom('organisations')
    .select('id')
    .where('gemeente_code', '=', gemeenteCode)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', key))
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await db
        .insertInto('organisations')
        .values({ gemeente_code: gemeenteCode, name: name.trim() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  cache.set(key, id);
  return id;
}

/**
 * Writes a programme's plan from its definition: doelen with their indicators, inspanningen with
 * partners (organisations shared by name within the gemeente), middelen, areas and doelen, and the
 * plan's budget lines. Call inside the transaction that loads the programme.
 */
export async function insertPlan(
  db: Executor,
  programme: { id: string; gemeenteCode: string },
  plan: PlanDefinition,
): Promise<{ doelen: number; inspanningen: number }> {
  await db
    .insertInto('programme_plans')
    .values({
      programme_id: programme.id,
      ambition: plan.ambitie ?? null,
      monitoring: JSON.stringify(plan.monitoring),
      budget_note: plan.begrotingToelichting ?? null,
      source_note: plan.bron ?? null,
    })
    .execute();
  const doelIds = new Map<string, number>();
  const flat = flattenDoelen(plan.doelen);
  for (const [index, { doel, parent }] of flat.entries()) {
    const { id } = await db
      .insertInto('doelen')
      .values({
        programme_id: programme.id,
        parent_id: parent === null ? null : doelIds.get(parent)!,
        code: doel.code,
        title: doel.titel,
        description: doel.omschrijving ?? null,
        sort_order: index + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    doelIds.set(doel.code, id);
    const indicators = doel.indicatoren ?? [];
    if (indicators.length > 0) {
      await db
        .insertInto('doel_indicators')
        .values(
          indicators.map((indicator, i) => ({ doel_id: id, indicator_id: indicator, sort_order: i + 1 })),
        )
        .execute();
    }
  }
  const organisations = new Map<string, number>();
  for (const [index, inspanning] of plan.inspanningen.entries()) {
    const trekker =
      inspanning.trekker === undefined
        ? null
        : await organisationId(db, programme.gemeenteCode, inspanning.trekker, organisations);
    const { id } = await db
      .insertInto('inspanningen')
      .values({
        programme_id: programme.id,
        code: inspanning.code,
        kind: inspanning.soort,
        title: inspanning.wat,
        description: inspanning.hoe ?? null,
        period_text: inspanning.wanneer?.tekst ?? null,
        period_start: inspanning.wanneer?.start ?? null,
        period_end: inspanning.wanneer?.eind ?? null,
        trekker_id: trekker,
        budget_text: inspanning.middelen?.tekst ?? null,
        output_label: inspanning.output?.omschrijving ?? null,
        output_planned: inspanning.output?.gepland ?? null,
        sort_order: index + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const partnerIds: number[] = [];
    for (const name of inspanning.partners) {
      const partner = await organisationId(db, programme.gemeenteCode, name, organisations);
      if (!partnerIds.includes(partner)) partnerIds.push(partner);
    }
    if (partnerIds.length > 0) {
      await db
        .insertInto('inspanning_partners')
        .values(
          partnerIds.map((organisation, i) => ({
            inspanning_id: id,
            organisation_id: organisation,
            sort_order: i + 1,
          })),
        )
        .execute();
    }
    if (inspanning.doelen.length > 0) {
      await db
        .insertInto('inspanning_doelen')
        .values(inspanning.doelen.map((code) => ({ inspanning_id: id, doel_id: doelIds.get(code)! })))
        .execute();
    }
    if (inspanning.gebieden.length > 0) {
      await db
        .insertInto('inspanning_areas')
        .values(inspanning.gebieden.map((area) => ({ inspanning_id: id, area_code: area })))
        .execute();
    }
    const amounts = inspanning.middelen?.bedragen ?? [];
    if (amounts.length > 0) {
      await db
        .insertInto('inspanning_budgets')
        .values(
          amounts.map((amount) => ({ inspanning_id: id, year: amount.jaar ?? null, amount: amount.bedrag })),
        )
        .execute();
    }
  }
  const lines = plan.begroting.flatMap(
    (line): { line: typeof line; year: number | null; amount: number }[] =>
      line.jaren
        ? Object.entries(line.jaren).map(([year, amount]) => ({ line, year: Number(year), amount }))
        : [{ line, year: null, amount: line.bedrag! }],
  );
  if (lines.length > 0) {
    await db
      .insertInto('programme_budget_lines')
      .values(
        lines.map(({ line, year, amount }, index) => ({
          programme_id: programme.id,
          kind: line.soort,
          doel_id: line.doel === undefined ? null : doelIds.get(line.doel)!,
          label: line.omschrijving,
          year,
          amount,
          note: line.toelichting ?? null,
          sort_order: index + 1,
        })),
      )
      .execute();
  }
  return { doelen: flat.length, inspanningen: plan.inspanningen.length };
}

/** The partner organisations of every inspanning of a programme, in the plan's order per inspanning. */
export function findPartnersOfProgramme(db: Db, programmeId: string) {
  return db
    .selectFrom('inspanning_partners as p')
    .innerJoin('inspanningen as i', 'i.id', 'p.inspanning_id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.inspanning_id', 'o.id', 'o.name'])
    .where('i.programme_id', '=', programmeId)
    .orderBy('p.inspanning_id')
    .orderBy('p.sort_order')
    .execute();
}

/** Everything the plan page and the report need, as rows; assemblePlan turns them into the answer. */
export async function findPlanRows(db: Db, programmeId: string) {
  const [plan, doelen, doelIndicators, inspanningen, partners, links, areas, budgets, voortgang, lines] =
    await Promise.all([
      db.selectFrom('programme_plans').selectAll().where('programme_id', '=', programmeId).executeTakeFirst(),
      db
        .selectFrom('doelen')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('doel_indicators as di')
        .innerJoin('doelen as d', 'd.id', 'di.doel_id')
        .select(['di.doel_id', 'di.indicator_id'])
        .where('d.programme_id', '=', programmeId)
        .orderBy('di.doel_id')
        .orderBy('di.sort_order')
        .execute(),
      db
        .selectFrom('inspanningen as i')
        .leftJoin('organisations as o', 'o.id', 'i.trekker_id')
        .selectAll('i')
        .select('o.name as trekker_name')
        .where('i.programme_id', '=', programmeId)
        .orderBy('i.sort_order')
        .orderBy('i.id')
        .execute(),
      findPartnersOfProgramme(db, programmeId),
      db
        .selectFrom('inspanning_doelen as l')
        .innerJoin('doelen as d', 'd.id', 'l.doel_id')
        .select(['l.inspanning_id', 'd.code'])
        .where('d.programme_id', '=', programmeId)
        .orderBy('d.sort_order')
        .execute(),
      db
        .selectFrom('inspanning_areas as a')
        .innerJoin('inspanningen as i', 'i.id', 'a.inspanning_id')
        .select(['a.inspanning_id', 'a.area_code'])
        .where('i.programme_id', '=', programmeId)
        .orderBy('a.area_code')
        .execute(),
      db
        .selectFrom('inspanning_budgets as b')
        .innerJoin('inspanningen as i', 'i.id', 'b.inspanning_id')
        .select(['b.inspanning_id', 'b.year', 'b.amount'])
        .where('i.programme_id', '=', programmeId)
        .orderBy('b.inspanning_id')
        .orderBy('b.year')
        .orderBy('b.id')
        .execute(),
      db
        .selectFrom('voortgang as v')
        .innerJoin('inspanningen as i', 'i.id', 'v.inspanning_id')
        .select([
          'v.id',
          'v.inspanning_id',
          'v.period',
          'v.status',
          'v.note',
          'v.output_realised',
          'v.spent',
          'v.recorded_at',
        ])
        .where('i.programme_id', '=', programmeId)
        .orderBy('v.id')
        .execute(),
      db
        .selectFrom('programme_budget_lines as l')
        .leftJoin('doelen as d', 'd.id', 'l.doel_id')
        .select(['l.kind', 'd.code as doel_code', 'l.label', 'l.year', 'l.amount', 'l.note'])
        .where('l.programme_id', '=', programmeId)
        .orderBy('l.sort_order')
        .execute(),
    ]);
  return { plan, doelen, doelIndicators, inspanningen, partners, links, areas, budgets, voortgang, lines };
}
export type PlanRows = Awaited<ReturnType<typeof findPlanRows>>;

/**
 * The codes an area filter matches: the area itself, its parents (wijk, gemeente) and the
 * programme areas that contain it or one of its parents, in the given vintage.
 */
export async function areaChain(db: Db, code: string, vintage: number): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = code;
  while (current && !chain.includes(current) && chain.length < 6) {
    chain.push(current);
    const row: { parent_code: string | null } | undefined = await db
      .selectFrom('areas')
      .select('parent_code')
      .where('code', '=', current)
      .where('vintage', '=', vintage)
      .executeTakeFirst();
    current = row?.parent_code ?? null;
  }
  const containers = await db
    .selectFrom('area_members')
    .select('area_code')
    .where('vintage', '=', vintage)
    .where('member_code', 'in', chain)
    .execute();
  return [...chain, ...containers.map((row) => row.area_code)];
}

/** The inspanningen of a programme by id, for checking a voortgang form. */
export async function findInspanningIds(db: Db, programmeId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('inspanningen')
    .select('id')
    .where('programme_id', '=', programmeId)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Records one half year's voortgang for several inspanningen in one transaction, each line a new
 * row (earlier rows for the same half year stay as history) with its audit line.
 */
export async function recordVoortgang(
  db: Db,
  programmeId: string,
  form: VoortgangFormBody,
  actor: { username: string; id: number | null },
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const line of form.regels) {
      const before = await trx
        .selectFrom('voortgang')
        .select(['status', 'note', 'output_realised', 'spent'])
        .where('inspanning_id', '=', line.inspanning)
        .where('period', '=', form.periode)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const values = {
        inspanning_id: line.inspanning,
        period: form.periode,
        status: line.status as VoortgangStatus,
        note: line.toelichting ? line.toelichting : null,
        output_realised: line.outputGerealiseerd ?? null,
        spent: line.besteed ?? null,
        recorded_by: actor.username,
        user_id: actor.id,
      };
      const { id } = await trx
        .insertInto('voortgang')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
      await writeAudit(trx, {
        actor,
        action: 'voortgang.vastleggen',
        entity: 'inspanningen',
        entityId: line.inspanning,
        before: before
          ? { periode: form.periode, status: before.status, toelichting: before.note, besteed: before.spent }
          : null,
        after: {
          programma: programmeId,
          periode: form.periode,
          status: values.status,
          toelichting: values.note,
          outputGerealiseerd: values.output_realised,
          besteed: values.spent,
        },
      });
    }
    return ids;
  });
}
