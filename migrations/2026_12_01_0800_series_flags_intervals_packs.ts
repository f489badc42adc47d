import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// Long-format series (issue 8): per value the flags of the source file (e.g. a region code matched
// by name and order) and a published 95% interval; and which data packs (geodata/packs/<id>) have
// been loaded into this database.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['observations', 'observation_revisions']) {
    await db.schema
      .alterTable(table)
      .addColumn('flags', 'text')
      .addColumn('interval_low', 'double precision')
      .addColumn('interval_high', 'double precision')
      .execute();
  }
  await db.schema
    .createTable('data_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack_hash', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('files', 'integer', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_packs').ifExists().execute();
  for (const table of ['observations', 'observation_revisions']) {
    await db.schema
      .alterTable(table)
      .dropColumn('flags')
      .dropColumn('interval_low')
      .dropColumn('interval_high')
      .execute();
  }
}
