import type {
  AdminProgramme,
  ProgrammeIndicatorRow,
  ProgrammePatch,
  ProgrammeSummaryBody,
  TargetBody,
} from '../../schemas/programmes.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Programme } from '../db/Database.ts';

/** A programme row with the names of its gemeente and reference area (in its own vintage). */
export type ProgrammeRow = Programme & { gemeente_name: string | null; reference_area_name: string | null };

export function toProgrammeSummary(row: ProgrammeRow): ProgrammeSummaryBody {
  return {
    id: row.id,
    naam: row.name,
    omschrijving: row.description,
    gemeente: row.gemeente_code,
    gemeenteNaam: row.gemeente_name,
    startjaar: row.start_year,
    horizonJaren: row.horizon_years,
    indeling: row.vintage,
    referentiegebied: row.reference_area_code,
    referentiegebiedNaam: row.reference_area_name,
    bronDocument: row.source_document,
    bijgewerkt: new Date(row.updated_at).toISOString(),
  };
}

function programmesWithNames(db: Db) {
  return db
    .selectFrom('programmes as p')
    .leftJoin('areas as g', (join) =>
      join.onRef('g.code', '=', 'p.gemeente_code').onRef('g.vintage', '=', 'p.vintage'),
    )
    .leftJoin('areas as r', (join) =>
      join.onRef('r.code', '=', 'p.reference_area_code').onRef('r.vintage', '=', 'p.vintage'),
    )
    .selectAll('p')
    .select(['g.name as gemeente_name', 'r.name as reference_area_name']);
}

export async function findProgrammes(db: Db): Promise<ProgrammeRow[]> {
  return programmesWithNames(db).orderBy('p.name').orderBy('p.id').execute();
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  return programmesWithNames(db).where('p.id', '=', id).executeTakeFirst();
}

/** Focus areas and programme areas, named in the programme's own vintage. */
export async function findProgrammeAreas(db: Db, programme: Programme) {
  return db
    .selectFrom('programme_areas as pa')
    .leftJoin('areas as a', (join) =>
      join.onRef('a.code', '=', 'pa.area_code').on('a.vintage', '=', programme.vintage),
    )
    .select(['pa.area_code', 'pa.role', 'pa.label', 'a.name', 'a.level'])
    .where('pa.programme_id', '=', programme.id)
    .orderBy('pa.sort_order')
    .orderBy('pa.area_code')
    .execute();
}

export async function findTargets(db: Db, programme: Programme): Promise<TargetBody[]> {
  const rows = await db
    .selectFrom('targets as t')
    .innerJoin('indicators as i', 'i.id', 't.indicator_id')
    .leftJoin('areas as a', (join) =>
      join.onRef('a.code', '=', 't.area_code').on('a.vintage', '=', programme.vintage),
    )
    .select([
      't.id',
      't.indicator_id',
      'i.name as indicator_name',
      't.area_code',
      'a.name as area_name',
      't.horizon',
      't.target_year',
      't.kind',
      't.target_value',
      't.reference_area_code',
      't.direction',
      't.baseline_year',
      't.baseline_value',
      't.baseline_numerator',
      't.baseline_source',
      't.plan_text',
      't.note',
      't.decision_reference',
      't.decision_date',
    ])
    .where('t.programme_id', '=', programme.id)
    .orderBy('t.indicator_id')
    .orderBy('t.area_code')
    .orderBy('t.horizon')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    indicator: row.indicator_id,
    indicatornaam: row.indicator_name,
    gebied: row.area_code,
    gebiedsnaam: row.area_name,
    horizon: row.horizon,
    streefjaar: row.target_year,
    soort: row.kind,
    streefwaarde: row.target_value,
    referentiegebied: row.reference_area_code,
    richting: row.direction,
    basisjaar: row.baseline_year,
    basiswaarde: row.baseline_value,
    basisteller: row.baseline_numerator,
    basisbron: row.baseline_source,
    planTekst: row.plan_text,
    toelichting: row.note,
    besluitKenmerk: row.decision_reference,
    besluitDatum: row.decision_date,
  }));
}

// Beheer: the programme as its editors see it, and the changes they make.

export async function findProgrammeNames(db: Db) {
  return db.selectFrom('programmes').select(['id', 'name', 'gemeente_code']).orderBy('name').execute();
}

/** A programme with its areas, as the beheer screens show and the audit log records it. */
export async function findAdminProgramme(db: Db, id: string): Promise<AdminProgramme | undefined> {
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

/** The plan's rows: the indicators the programme follows, in the plan's order, with their related series. */
export async function findProgrammeIndicatorRows(
  db: Db,
  programmeId: string,
): Promise<ProgrammeIndicatorRow[]> {
  const rows = await db
    .selectFrom('programme_indicators')
    .select(['indicator_id', 'role', 'label', 'related_indicator_id'])
    .where('programme_id', '=', programmeId)
    .orderBy('sort_order')
    .orderBy('indicator_id')
    .execute();
  return rows.map((row) => ({
    indicatorId: row.indicator_id,
    rol: row.role,
    label: row.label,
    verwanteIndicatorId: row.related_indicator_id,
  }));
}

export async function findIndicatorNames(db: Db) {
  const rows = await db.selectFrom('indicators').select(['id', 'name', 'unit']).orderBy('name').execute();
  return rows.map((i) => ({ id: i.id, naam: i.name, eenheid: i.unit }));
}

/** Which of `codes` are areas in `vintage` (any vintage when none is given). */
export async function findKnownAreaCodes(db: Db, codes: string[], vintage?: number): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  let query = db.selectFrom('areas').select('code').where('code', 'in', codes);
  if (vintage !== undefined) query = query.where('vintage', '=', vintage);
  return new Set((await query.execute()).map((row) => row.code));
}

export async function updateProgramme(db: Db, id: string, patch: ProgrammePatch): Promise<void> {
  await db
    .updateTable('programmes')
    .set({
      ...(patch.naam !== undefined ? { name: patch.naam } : {}),
      ...(patch.referentiegebied !== undefined ? { reference_area_code: patch.referentiegebied } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (!patch.gebieden) return;
  await db.deleteFrom('programme_areas').where('programme_id', '=', id).execute();
  await db
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

/** Sets (or, with null, removes) a row's related series; false when the programme has no such row. */
export async function setRelatedIndicator(
  db: Db,
  programmeId: string,
  indicatorId: string,
  relatedIndicatorId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('programme_indicators')
    .set({ related_indicator_id: relatedIndicatorId })
    .where('programme_id', '=', programmeId)
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
