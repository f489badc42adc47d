import type { Kysely } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// Which boundaries a tile set was made from, cheaply comparable with the areas now stored (decision
// 0111): start-up rebuilds a tile set whose boundaries changed by a path without the tile hook. Null
// for tile sets made before this column: start-up then checks each once.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tile_sets').addColumn('boundaries_fingerprint', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tile_sets').dropColumn('boundaries_fingerprint').execute();
}
