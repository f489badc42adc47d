import type { VoortgangEntryBody } from '../../schemas/plan.ts';
import type { AdminPlansBody, VoortgangFormRowBody } from '../../schemas/planAdmin.ts';
import type { Db } from '../db/createDatabase.ts';
import { runsIn } from './halfYear.ts';
import { findPartnersOfProgramme } from './planRepository.ts';

// The SQL behind the half-yearly voortgang form in beheer and the partner's share of it: a
// partner's organisation counts when it is the trekker or one of the partners (decision 0109).

/** The ids of the inspanningen of this organisation (as trekker or partner), optionally in one programme. */
export async function inspanningenOfOrganisation(
  db: Db,
  organisationId: number,
  programmeId?: string,
): Promise<Set<number>> {
  let query = db
    .selectFrom('inspanningen as i')
    .select('i.id')
    .where((eb) =>
      eb.or([
        eb('i.trekker_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('inspanning_partners as p')
            .select('p.inspanning_id')
            .whereRef('p.inspanning_id', '=', 'i.id')
            .where('p.organisation_id', '=', organisationId),
        ),
      ]),
    );
  if (programmeId !== undefined) query = query.where('i.programme_id', '=', programmeId);
  const rows = await query.execute();
  return new Set(rows.map((row) => row.id));
}

export async function findOrganisation(db: Db, id: number) {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, naam: row.name } : null;
}

/** Every programme with how many inspanningen it has; for a partner only those with its own. */
export async function listAdminPlans(db: Db, organisationId: number | null): Promise<AdminPlansBody> {
  const own = organisationId === null ? null : await inspanningenOfOrganisation(db, organisationId);
  const [programmes, inspanningen] = await Promise.all([
    db.selectFrom('programmes').select(['id', 'name', 'gemeente_code']).orderBy('name').execute(),
    db.selectFrom('inspanningen').select(['id', 'programme_id']).execute(),
  ]);
  const counted = programmes.map((p) => ({
    id: p.id,
    naam: p.name,
    gemeente: p.gemeente_code,
    inspanningen: inspanningen.filter((i) => i.programme_id === p.id && (own === null || own.has(i.id)))
      .length,
  }));
  return { programmas: own === null ? counted : counted.filter((p) => p.inspanningen > 0) };
}

type VoortgangRow = {
  inspanning_id: number;
  period: string;
  status: VoortgangEntryBody['status'];
  note: string | null;
  output_realised: number | null;
  spent: number | null;
  recorded_at: Date | string;
  recorded_by: string;
};
const entryOf = (row: VoortgangRow): VoortgangEntryBody => ({
  periode: row.period,
  status: row.status,
  toelichting: row.note,
  outputGerealiseerd: row.output_realised,
  besteed: row.spent,
  vastgelegd: new Date(row.recorded_at).toISOString(),
});

/**
 * One line per inspanning of the programme (for a partner: only its own) with what holds for the
 * half year, the latest line of an earlier half year, and every recording of this half year.
 */
export async function findVoortgangForm(
  db: Db,
  programmeId: string,
  periode: string,
  organisationId: number | null,
): Promise<VoortgangFormRowBody[]> {
  const own =
    organisationId === null ? null : await inspanningenOfOrganisation(db, organisationId, programmeId);
  const [inspanningen, partners, voortgang] = await Promise.all([
    db
      .selectFrom('inspanningen as i')
      .leftJoin('organisations as o', 'o.id', 'i.trekker_id')
      .select([
        'i.id',
        'i.code',
        'i.title',
        'i.period_text',
        'i.period_start',
        'i.period_end',
        'i.output_label',
        'i.output_planned',
        'o.id as trekker_id',
        'o.name as trekker_name',
      ])
      .where('i.programme_id', '=', programmeId)
      .orderBy('i.sort_order')
      .orderBy('i.id')
      .execute(),
    findPartnersOfProgramme(db, programmeId),
    db
      .selectFrom('voortgang as v')
      .innerJoin('inspanningen as i', 'i.id', 'v.inspanning_id')
      .select([
        'v.inspanning_id',
        'v.period',
        'v.status',
        'v.note',
        'v.output_realised',
        'v.spent',
        'v.recorded_at',
        'v.recorded_by',
      ])
      .where('i.programme_id', '=', programmeId)
      .where('v.period', '<=', periode)
      .orderBy('v.period', 'desc')
      .orderBy('v.id', 'desc')
      .execute(),
  ]);
  return inspanningen
    .filter((i) => own === null || own.has(i.id))
    .map((i) => {
      const mine = voortgang.filter((v) => v.inspanning_id === i.id);
      const thisHalf = mine.filter((v) => v.period === periode);
      const earlier = mine.find((v) => v.period < periode);
      return {
        id: i.id,
        code: i.code,
        wat: i.title,
        wanneer:
          i.period_text ??
          (i.period_start === null ? null : `${i.period_start} – ${i.period_end ?? 'open einde'}`),
        loopt: runsIn({ start: i.period_start, end: i.period_end }, periode),
        trekker: i.trekker_id === null ? null : { id: i.trekker_id, naam: i.trekker_name ?? '' },
        partners: partners.filter((p) => p.inspanning_id === i.id).map((p) => ({ id: p.id, naam: p.name })),
        output: i.output_label === null ? null : { omschrijving: i.output_label, gepland: i.output_planned },
        huidig: thisHalf[0] ? entryOf(thisHalf[0]) : null,
        vorige: earlier ? entryOf(earlier) : null,
        geschiedenis: thisHalf.map((v) => ({ ...entryOf(v), door: v.recorded_by })),
      };
    });
}
