import type { ProgrammeSummaryBody, TargetBody } from '../../schemas/programmes.ts';
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
  }));
}
