import { type ExpressionBuilder, sql } from 'kysely';
import type { AreaSummary } from '../../schemas/areas.ts';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel, Database } from '../db/Database.ts';

export interface AreaFilters {
  niveau?: AreaLevel | undefined;
  gemeente?: string | undefined;
  indeling?: number | undefined;
  ouder?: string | undefined;
  zoek?: string | undefined;
}

const summaryColumns = ['code', 'name', 'level', 'vintage', 'parent_code', 'gemeente_code', 'bbox'] as const;

type SummaryRow = {
  code: string;
  name: string;
  level: AreaLevel;
  vintage: number;
  parent_code: string | null;
  gemeente_code: string | null;
  bbox: [number, number, number, number] | null;
};

export function toAreaSummary(row: SummaryRow): AreaSummary {
  return {
    code: row.code,
    naam: row.name,
    niveau: row.level,
    indeling: row.vintage,
    ouder: row.parent_code,
    gemeente: row.gemeente_code,
    bbox: row.bbox,
  };
}

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereFilters(filters: AreaFilters) {
  return (eb: ExpressionBuilder<Database, 'areas'>) => {
    const conditions = [];
    if (filters.niveau) conditions.push(eb('level', '=', filters.niveau));
    if (filters.gemeente) conditions.push(eb('gemeente_code', '=', filters.gemeente));
    if (filters.indeling !== undefined) conditions.push(eb('vintage', '=', filters.indeling));
    if (filters.ouder) conditions.push(eb('parent_code', '=', filters.ouder));
    if (filters.zoek) {
      const pattern = `%${likeEscape(filters.zoek)}%`;
      conditions.push(eb.or([eb('name', 'ilike', pattern), eb('code', 'ilike', pattern)]));
    }
    return eb.and(conditions);
  };
}

/** Every year some observation is for, ascending (the data page's year choices). */
export async function yearsWithObservations(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('observations').select('year').distinct().orderBy('year').execute();
  return rows.map((row) => row.year);
}

/** The newest boundary set that holds areas matching the filters; a list never mixes indelingen. */
export async function newestVintage(db: Db, filters: AreaFilters): Promise<number | undefined> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.max('vintage').as('vintage'))
    .where(whereFilters(filters))
    .executeTakeFirst();
  return row?.vintage ?? undefined;
}

export async function findAreas(
  db: Db,
  filters: AreaFilters,
  page: { offset: number; paginaGrootte: number },
): Promise<{ rows: SummaryRow[]; total: number }> {
  const where = whereFilters(filters);
  const countRow = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  let query = db.selectFrom('areas').select(summaryColumns).where(where);
  if (filters.zoek) {
    // Best matches first: the exact name or code, then names that start with the term, then the rest.
    const term = filters.zoek.toLowerCase();
    const prefix = `${likeEscape(term)}%`;
    query = query.orderBy(
      sql`case when lower(name) = ${term} or lower(code) = ${term} then 0 when lower(name) like ${prefix} then 1 else 2 end`,
    );
  }
  const rows = await query
    .orderBy('vintage', 'desc')
    .orderBy('code')
    .limit(page.paginaGrootte)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(countRow.total) };
}

/** One area; without a vintage the newest one that has the code. */
export async function findArea(db: Db, code: string, vintage?: number) {
  let query = db
    .selectFrom('areas')
    .select([...summaryColumns, 'source'])
    .where('code', '=', code);
  if (vintage !== undefined) query = query.where('vintage', '=', vintage);
  return query.orderBy('vintage', 'desc').limit(1).executeTakeFirst();
}

/** Every vintage that has this code, oldest first, with the name the code has there. */
export async function findVersionsOf(db: Db, code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'vintage'])
    .where('code', '=', code)
    .orderBy('vintage')
    .execute();
}

/** Parent, grandparent … in the same vintage, nearest first (at most four levels exist). */
export async function findAncestors(
  db: Db,
  parentCode: string | null,
  vintage: number,
): Promise<SummaryRow[]> {
  const ancestors: SummaryRow[] = [];
  let next = parentCode;
  while (next && ancestors.length < 5) {
    const parent = await db
      .selectFrom('areas')
      .select(summaryColumns)
      .where('code', '=', next)
      .where('vintage', '=', vintage)
      .executeTakeFirst();
    if (!parent) break;
    ancestors.push(parent);
    next = parent.parent_code;
  }
  return ancestors;
}

export async function findChildren(db: Db, code: string, vintage: number): Promise<SummaryRow[]> {
  return db
    .selectFrom('areas')
    .select(summaryColumns)
    .where('parent_code', '=', code)
    .where('vintage', '=', vintage)
    .where('level', '!=', 'programmagebied')
    .orderBy('code')
    .execute();
}

/** The buurten or wijken a programme area is made of. */
export async function findMembers(db: Db, code: string, vintage: number): Promise<SummaryRow[]> {
  return db
    .selectFrom('area_members')
    .innerJoin('areas', (join) =>
      join
        .onRef('areas.code', '=', 'area_members.member_code')
        .onRef('areas.vintage', '=', 'area_members.vintage'),
    )
    .select([
      'areas.code',
      'areas.name',
      'areas.level',
      'areas.vintage',
      'areas.parent_code',
      'areas.gemeente_code',
      'areas.bbox',
    ])
    .where('area_members.area_code', '=', code)
    .where('area_members.vintage', '=', vintage)
    .orderBy('areas.code')
    .execute();
}

/** Code → name for a set of areas in one vintage (for exports and responses that name areas). */
export async function areaNames(db: Db, codes: string[], vintage: number): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .where('vintage', '=', vintage)
    .execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}
