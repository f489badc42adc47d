import type { Kysely } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// A baseline that covers more than a year (Schuldhulpmaatje: 43 over 2017 – Feb 2021) keeps its
// period as a first-class start and end month ('YYYY-MM', both included).
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('targets')
    .addColumn('baseline_period_start', 'text')
    .addColumn('baseline_period_end', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('targets')
    .dropColumn('baseline_period_start')
    .dropColumn('baseline_period_end')
    .execute();
}
