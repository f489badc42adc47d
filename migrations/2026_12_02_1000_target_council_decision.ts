import type { Kysely } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// A target rests on a council decision (issue 11 item 7): its reference ("Raadsbesluit 2023/114")
// and date ('YYYY-MM-DD', a calendar day, so text rather than a timestamp with a time zone).
// Earlier versions keep their decision in the audit log's before/after.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('targets')
    .addColumn('decision_reference', 'text')
    .addColumn('decision_date', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('targets')
    .dropColumn('decision_reference')
    .dropColumn('decision_date')
    .execute();
}
