import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// A programme's plan: doelen (nested), inspanningen with partners (reusable organisations),
// middelen, areas and output, the half-yearly voortgang per inspanning (history kept: rows are
// only ever added), and the plan's own budget table and funding.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('gemeente_code', 'text', (c) => c.notNull()) // the gemeente whose programmes name it
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisations_name')
    .on('organisations')
    .unique()
    .expression(sql`gemeente_code, lower(name)`)
    .execute();

  await db.schema
    .createTable('programme_plans')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('ambition', 'text')
    .addColumn('monitoring', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // the plan's rhythm, as lines
    .addColumn('budget_note', 'text')
    .addColumn('source_note', 'text')
    .execute();

  await db.schema
    .createTable('doelen')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('doelen.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull()) // as the plan numbers it: 1, 1.1, 1.1a, 4a2
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('doelen_code', ['programme_id', 'code'])
    .execute();

  // The result rows of a doel: the programme's indicators (with or without targets).
  await db.schema
    .createTable('doel_indicators')
    .addColumn('doel_id', 'integer', (c) => c.notNull().references('doelen.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('doel_indicators_pk', ['doel_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('inspanningen')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('actie', 'bestaand')`))
    .addColumn('title', 'text', (c) => c.notNull()) // wat
    .addColumn('description', 'text') // hoe
    .addColumn('period_text', 'text') // as written: "2022-2025", "Start 2023", "Q1 2024 – Lopend"
    .addColumn('period_start', 'text') // 2022 or 2022-H2; null when the plan gives none
    .addColumn('period_end', 'text') // 2025 or 2025-H1; null = open
    .addColumn('trekker_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('budget_text', 'text') // as written: "30.000 euro per jaar", "Regulier", "Nader te bepalen"
    .addColumn('output_label', 'text') // e.g. "trajecten"
    .addColumn('output_planned', 'double precision')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('inspanningen_code', ['programme_id', 'code'])
    .execute();

  await db.schema
    .createTable('inspanning_partners')
    .addColumn('inspanning_id', 'integer', (c) =>
      c.notNull().references('inspanningen.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('inspanning_partners_pk', ['inspanning_id', 'organisation_id'])
    .execute();
  await db.schema
    .createTable('inspanning_doelen')
    .addColumn('inspanning_id', 'integer', (c) =>
      c.notNull().references('inspanningen.id').onDelete('cascade'),
    )
    .addColumn('doel_id', 'integer', (c) => c.notNull().references('doelen.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('inspanning_doelen_pk', ['inspanning_id', 'doel_id'])
    .execute();
  await db.schema
    .createTable('inspanning_areas')
    .addColumn('inspanning_id', 'integer', (c) =>
      c.notNull().references('inspanningen.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspanning_areas_pk', ['inspanning_id', 'area_code'])
    .execute();
  // Middelen in euro: per year, or (year null) for the whole period when the plan gives one sum.
  await db.schema
    .createTable('inspanning_budgets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('inspanning_id', 'integer', (c) =>
      c.notNull().references('inspanningen.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer')
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('voortgang')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('inspanning_id', 'integer', (c) =>
      c.notNull().references('inspanningen.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull()) // 2026-H1
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('niet_gestart', 'loopt', 'vertraagd', 'afgerond', 'gestopt')`),
    )
    .addColumn('note', 'text')
    .addColumn('output_realised', 'double precision')
    .addColumn('spent', 'double precision')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .execute();
  await db.schema
    .createIndex('voortgang_key')
    .on('voortgang')
    .columns(['inspanning_id', 'period', 'id'])
    .execute();

  // The plan's budget table (per doel × year, or a line without doel such as "Organisatie") and
  // the funding it names (e.g. € 4,7 mln programme budget + € 2,5 mln NPO).
  await db.schema
    .createTable('programme_budget_lines')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('begroting', 'financiering', 'totaal')`))
    .addColumn('doel_id', 'integer', (c) => c.references('doelen.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'programme_budget_lines',
    'voortgang',
    'inspanning_budgets',
    'inspanning_areas',
    'inspanning_doelen',
    'inspanning_partners',
    'inspanningen',
    'doel_indicators',
    'doelen',
    'programme_plans',
    'organisations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
