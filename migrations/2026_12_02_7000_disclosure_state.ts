import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// Which version of the secondary-suppression rule observations.withheld was last computed with
// (decision 0125). Every write refreshes the flags it affects in its own transaction; start-up
// recomputes all of them only when this version is missing or older than the code's.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_state')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_state').execute();
}
