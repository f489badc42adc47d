import type { Kysely } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// Secondary suppression (decision 0082): an observation that meets its rule but would let a
// suppressed neighbour be worked out by differencing over the area hierarchy is withheld too.
// Set by server/disclosure/disclosureRepository.ts after every write; read by discloseObservation.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('observations')
    .addColumn('withheld', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observations').dropColumn('withheld').execute();
}
