import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// The data generation (decision 0107): one row whose number every write that can change a map layer
// raises in its own transaction, so every app process on the database knows when its cached layers
// are stale. `epoch` is random per database, so an ETag from another database never matches.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('epoch', 'text', (c) => c.notNull())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into data_generation (id, epoch, generation)
    values ('data', md5(random()::text || clock_timestamp()::text), 1)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_generation').execute();
}
