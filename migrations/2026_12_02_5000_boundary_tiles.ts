import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// Vector tiles of each boundary vintage × level, made once at import (decision 0117), and the index
// that lets one map layer read only its own rows (decision 0118).
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tile_sets')
    .addColumn('version', 'text', (c) => c.primaryKey()) // content hash of the boundaries it was made from
    .addColumn('vintage', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('min_zoom', 'integer', (c) => c.notNull())
    .addColumn('max_zoom', 'integer', (c) => c.notNull())
    .addColumn('bounds', 'jsonb') // [minLon, minLat, maxLon, maxLat]
    .addColumn('area_count', 'integer', (c) => c.notNull())
    .addColumn('tile_count', 'integer', (c) => c.notNull())
    .addColumn('tile_bytes', 'bigint', (c) => c.notNull())
    .addColumn('gemeente_bounds', 'jsonb', (c) => c.notNull()) // { GM1916: [bbox], … }
    .addColumn('areas', 'jsonb', (c) => c.notNull()) // columnar { codes, namen, gemeenten }
    .addColumn('built_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tile_sets_vintage_level', ['vintage', 'level'])
    .execute();
  await db.schema
    .createTable('boundary_tiles')
    .addColumn('version', 'text', (c) => c.notNull().references('tile_sets.version').onDelete('cascade'))
    .addColumn('z', 'integer', (c) => c.notNull())
    .addColumn('x', 'integer', (c) => c.notNull())
    .addColumn('y', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull()) // gzip of the Mapbox Vector Tile
    .addPrimaryKeyConstraint('boundary_tiles_pk', ['version', 'z', 'x', 'y'])
    .execute();
  // One map layer (indicator × period × vintage) read by an index range in area order, the values
  // from the index itself: the work grows with the rows returned, not with the table.
  await sql`create index observations_layer on observations (indicator_id, period, vintage, area_code)
    include (value, numerator, denominator, confidential, withheld, source)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('observations_layer').ifExists().execute();
  await db.schema.dropTable('boundary_tiles').ifExists().execute();
  await db.schema.dropTable('tile_sets').ifExists().execute();
}
