import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// The indicators a programme follows, with or without targets: the plan's result rows (role
// "resultaat") and its monitoring indicators that have no target (role "monitoring").
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme_indicators')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('resultaat', 'monitoring')`))
    .addColumn('level', 'text') // the level the plan monitors it at: buurt | wijk
    .addColumn('label', 'text') // the plan's own wording of the indicator
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('programme_indicators_pk', ['programme_id', 'indicator_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('programme_indicators').ifExists().execute();
}
