import { type QueryCreator, sql } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel, Database, TileSetAreas } from '../db/Database.ts';
import type { BuiltTileSet, TileArea } from './buildTiles.ts';
import type { Executor } from './executor.ts';

/** The levels that get tiles (a programme area is drawn as the outline of its buurten). */
export const TILED_LEVELS: readonly AreaLevel[] = ['buurt', 'wijk', 'gemeente'];

export async function findTileAreas(db: Executor, vintage: number, level: AreaLevel): Promise<TileArea[]> {
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name', 'gemeente_code', 'geometry', 'bbox'])
    .where('vintage', '=', vintage)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    gemeenteCode: row.gemeente_code,
    geometry: row.geometry as TileArea['geometry'],
    bbox: row.bbox,
  }));
}

/**
 * A cheap fingerprint of the areas of each vintage × level, without reading their geometry: which
 * areas there are, in which gemeente, which import wrote each, and each geometry's stored size.
 * Every write path sets the import (writeAreas.ts) and a rollback removes areas, so a tile set
 * whose fingerprint differs was made from other boundaries. (A hand edit that keeps an area's
 * import and its geometry's size is the one change it misses.)
 */
const boundaryFingerprints = (db: QueryCreator<Database>) =>
  db
    .selectFrom('areas')
    .select([
      'vintage',
      'level',
      sql<string>`md5(string_agg(code || '|' || coalesce(gemeente_code, '') || '|' || coalesce(import_id::text, '')
        || '|' || coalesce(pg_column_size(geometry)::text, ''), ',' order by code))`.as('fingerprint'),
      sql<boolean>`bool_or(geometry is not null)`.as('drawn'),
    ])
    .where('level', 'in', TILED_LEVELS)
    .groupBy(['vintage', 'level']);

/**
 * Vintage × level pairs whose tile set is missing (boundaries stored before tiles existed), stale
 * (made from other boundaries than those stored now) or left without boundaries.
 */
export async function findLevelsToTile(db: Db): Promise<{ vintage: number; level: AreaLevel }[]> {
  const rows = await db
    .with('current', boundaryFingerprints)
    .selectFrom('current as c')
    .fullJoin('tile_sets as t', (join) =>
      join.onRef('t.vintage', '=', 'c.vintage').onRef('t.level', '=', 'c.level'),
    )
    .select([
      sql<number>`coalesce(c.vintage, t.vintage)`.as('vintage'),
      sql<AreaLevel>`coalesce(c.level, t.level)`.as('level'),
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('c.drawn', '=', true), eb('t.version', 'is', null)]),
        eb.and([
          eb('t.version', 'is not', null),
          sql<boolean>`t.boundaries_fingerprint is distinct from c.fingerprint`,
        ]),
      ]),
    )
    .orderBy('vintage')
    .orderBy('level')
    .execute();
  return rows;
}

/** Records which boundaries the tile set of one vintage × level was made from. */
export async function recordTileSetBoundaries(
  db: Executor,
  vintage: number,
  level: AreaLevel,
): Promise<void> {
  await db
    .with('current', boundaryFingerprints)
    .updateTable('tile_sets as t')
    .set((eb) => ({
      boundaries_fingerprint: eb
        .selectFrom('current as c')
        .select('c.fingerprint')
        .whereRef('c.vintage', '=', 't.vintage')
        .whereRef('c.level', '=', 't.level'),
    }))
    .where('t.vintage', '=', vintage)
    .where('t.level', '=', level)
    .execute();
}

export async function currentTileVersion(
  db: Executor,
  vintage: number,
  level: AreaLevel,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('tile_sets')
    .select('version')
    .where('vintage', '=', vintage)
    .where('level', '=', level)
    .executeTakeFirst();
  return row?.version;
}

/** Replaces the tile set of one vintage × level (its old tiles go with it). */
export async function replaceTileSet(
  db: Executor,
  vintage: number,
  level: AreaLevel,
  built: BuiltTileSet,
  areas: TileSetAreas,
): Promise<void> {
  await db.deleteFrom('tile_sets').where('vintage', '=', vintage).where('level', '=', level).execute();
  await db
    .insertInto('tile_sets')
    .values({
      version: built.version,
      vintage,
      level,
      min_zoom: built.minZoom,
      max_zoom: built.maxZoom,
      bounds: JSON.stringify(built.bounds),
      area_count: areas.codes.length,
      tile_count: built.tiles.length,
      tile_bytes: built.tileBytes,
      gemeente_bounds: JSON.stringify(built.gemeenteBounds),
      areas: JSON.stringify(areas),
    })
    .execute();
  const chunk = 200;
  for (let i = 0; i < built.tiles.length; i += chunk) {
    await db
      .insertInto('boundary_tiles')
      .values(built.tiles.slice(i, i + chunk).map((tile) => ({ version: built.version, ...tile })))
      .execute();
  }
}

export async function deleteTileSet(db: Executor, vintage: number, level: AreaLevel): Promise<void> {
  await db.deleteFrom('tile_sets').where('vintage', '=', vintage).where('level', '=', level).execute();
}

export async function findTileSet(db: Db, vintage: number, level: AreaLevel) {
  return db
    .selectFrom('tile_sets')
    .select([
      'version',
      'vintage',
      'level',
      'min_zoom',
      'max_zoom',
      'bounds',
      'gemeente_bounds',
      'area_count',
    ])
    .where('vintage', '=', vintage)
    .where('level', '=', level)
    .executeTakeFirst();
}

export async function findTileSetAreas(db: Db, version: string): Promise<TileSetAreas | undefined> {
  const row = await db
    .selectFrom('tile_sets')
    .select('areas')
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.areas;
}

export async function findTile(
  db: Db,
  version: string,
  z: number,
  x: number,
  y: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('boundary_tiles')
    .select('data')
    .where('version', '=', version)
    .where('z', '=', z)
    .where('x', '=', x)
    .where('y', '=', y)
    .executeTakeFirst();
  return row?.data;
}

export async function tileSetExists(db: Db, version: string): Promise<boolean> {
  const row = await db
    .selectFrom('tile_sets')
    .select('version')
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}
