import type { Kysely } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// "Verwante reeks" (issue 8): per result indicator of a programme, the real series of another
// definition that the dashboard reads as a direction while the indicator itself has only its baseline.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('programme_indicators')
    .addColumn('related_indicator_id', 'text', (c) => c.references('indicators.id'))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programme_indicators').dropColumn('related_indicator_id').execute();
}
