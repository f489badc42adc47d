import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // grenzen | kwb | gemeentecijfers | programma
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull()) // sha256 hex of the bytes read
    .addColumn('file_size', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('actor', 'text', (c) => c.notNull()) // user name, or "cli" / "opstart"
    .addColumn('user_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull()) // gelukt | teruggedraaid
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await db.schema
    .createTable('areas')
    .addColumn('code', 'text', (c) => c.notNull()) // GM1916, WK191602, BU19160200, NL00, or a programme area code
    .addColumn('vintage', 'integer', (c) => c.notNull()) // boundary year (indeling)
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('land', 'gemeente', 'wijk', 'buurt', 'programmagebied')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text') // wijk of a buurt, gemeente of a wijk, land of a gemeente
    .addColumn('gemeente_code', 'text')
    .addColumn('geometry', 'jsonb') // GeoJSON geometry in WGS84, simplified for the web
    .addColumn('bbox', 'jsonb') // [minLon, minLat, maxLon, maxLat]
    .addColumn('source', 'text')
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addPrimaryKeyConstraint('areas_pk', ['code', 'vintage'])
    .execute();
  await db.schema
    .createIndex('areas_level_gemeente')
    .on('areas')
    .columns(['vintage', 'level', 'gemeente_code'])
    .execute();

  // A programme area (level programmagebied) is a set of buurten or wijken of one vintage.
  await db.schema
    .createTable('area_members')
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('vintage', 'integer', (c) => c.notNull())
    .addColumn('member_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_members_pk', ['area_code', 'vintage', 'member_code'])
    .addForeignKeyConstraint(
      'area_members_area',
      ['area_code', 'vintage'],
      'areas',
      ['code', 'vintage'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('area_members_member', ['member_code', 'vintage'], 'areas', ['code', 'vintage'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey()) // slug, e.g. bijstand_huishoudens_pct
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('unit', 'text', (c) => c.notNull()) // %, aantal, per 1.000, €, x 1.000 €
    .addColumn('polarity', 'text', (c) =>
      c.notNull().check(sql`polarity in ('lager_is_beter', 'hoger_is_beter', 'neutraal')`),
    )
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theme', 'text')
    .addColumn('numerator_label', 'text') // set for shares: what is counted
    .addColumn('denominator_label', 'text') // set for shares: of what
    .addColumn('min_denominator', 'integer') // disclosure: below this denominator, never published
    .addColumn('min_count', 'integer') // disclosure: below this numerator, never published
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('vintage', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // "2020", or a range "2017-2021"
    .addColumn('year', 'integer', (c) => c.notNull()) // the year the period ends in, for ordering and progress
    .addColumn('value', 'double precision') // null when unknown or confidential (CBS ".")
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('provisional', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('confidential', 'boolean', (c) => c.notNull().defaultTo(false)) // CBS "." or the supplier's own
    .addColumn('value_rounding', 'double precision') // value published rounded to this step (1 → ±0,5)
    .addColumn('count_rounding', 'double precision') // numerator/denominator rounded to this base (CBS: 10)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('observations_area', ['area_code', 'vintage'], 'areas', ['code', 'vintage'])
    .addUniqueConstraint('observations_key', ['indicator_id', 'area_code', 'vintage', 'period'])
    .execute();
  await db.schema
    .createIndex('observations_indicator_year')
    .on('observations')
    .columns(['indicator_id', 'year'])
    .execute();
  await db.schema
    .createIndex('observations_area')
    .on('observations')
    .columns(['area_code', 'vintage'])
    .execute();

  // Every value an observation held before a correction, with what replaced it and when.
  await db.schema
    .createTable('observation_revisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('observation_id', 'bigint', (c) =>
      c.notNull().references('observations.id').onDelete('cascade'),
    )
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('provisional', 'boolean', (c) => c.notNull())
    .addColumn('confidential', 'boolean', (c) => c.notNull())
    .addColumn('value_rounding', 'double precision')
    .addColumn('count_rounding', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id')) // the import that brought this old value
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('replaced_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('replaced_by_import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('replaced_by', 'text') // actor
    .execute();
  await db.schema
    .createIndex('observation_revisions_obs')
    .on('observation_revisions')
    .column('observation_id')
    .execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey()) // slug, e.g. sterk-voor-noord
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('gemeente_code', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('horizon_years', 'integer', (c) => c.notNull())
    .addColumn('vintage', 'integer', (c) => c.notNull()) // the boundary set the programme's areas are drawn in
    .addColumn('reference_area_code', 'text', (c) => c.notNull())
    .addColumn('source_document', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The areas a programme is about: its focus buurten/wijken and its programme area(s).
  await db.schema
    .createTable('programme_areas')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('focus', 'programmagebied')`))
    .addColumn('label', 'text') // the name the plan uses, e.g. "Heuvel Noord"
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('programme_areas_pk', ['programme_id', 'area_code'])
    .execute();

  await db.schema
    .createTable('targets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('horizon', 'integer', (c) => c.notNull()) // 10 or 20 (years)
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('absoluut', 'referentieniveau', 'richting')`),
    )
    .addColumn('target_value', 'double precision') // absolute number; for referentieniveau the plan's fixed number
    .addColumn('reference_area_code', 'text') // referentieniveau: the area whose level is the target
    .addColumn('direction', 'text', (c) => c.check(sql`direction in ('toename', 'afname')`)) // richting
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_numerator', 'double precision')
    .addColumn('baseline_source', 'text', (c) => c.notNull().defaultTo('plan')) // plan | waarnemingen
    .addColumn('plan_text', 'text') // the cell as the plan writes it, e.g. "6% LV"
    .addColumn('note', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('targets_key', ['programme_id', 'indicator_id', 'area_code', 'horizon'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('beheerder', 'redacteur')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey()) // sha256 of the cookie value; the value itself is never stored
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull()) // absolute timeout
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('success', 'boolean', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('login_attempts_recent')
    .on('login_attempts')
    .columns(['username', 'at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull()) // e.g. import.commit, target.update, user.create
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('import_id', 'integer')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'login_attempts',
    'sessions',
    'users',
    'targets',
    'programme_areas',
    'programmes',
    'observation_revisions',
    'observations',
    'indicators',
    'area_members',
    'areas',
    'imports',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
