import { sql } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel, TileSetAreas } from '../db/Database.ts';
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

/** Vintage × level pairs that have boundaries but no tile set (a database made before tiles). */
export async function findUntiledLevels(db: Db): Promise<{ vintage: number; level: AreaLevel }[]> {
  return db
    .selectFrom('areas as a')
    .select(['a.vintage', 'a.level'])
    .where('a.level', 'in', TILED_LEVELS)
    .where('a.geometry', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('tile_sets as t')
            .select(sql`1`.as('one'))
            .whereRef('t.vintage', '=', 'a.vintage')
            .whereRef('t.level', '=', 'a.level'),
        ),
      ),
    )
    .groupBy(['a.vintage', 'a.level'])
    .orderBy('a.vintage')
    .orderBy('a.level')
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
