import type { Kysely } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// Per indicator, for uploads: the range a value can possibly have (null: the unit's default, a share
// 0–100, a count ≥ 0) and the rounding of values published as whole numbers (surveys: 1).
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicators')
    .addColumn('value_min', 'double precision')
    .addColumn('value_max', 'double precision')
    .addColumn('value_rounding', 'double precision')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicators')
    .dropColumn('value_min')
    .dropColumn('value_max')
    .dropColumn('value_rounding')
    .execute();
}
