import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel } from '../db/Database.ts';
import { buildTiles, tileSetVersion } from './buildTiles.ts';
import type { Executor } from './executor.ts';
import {
  currentTileVersion,
  deleteTileSet,
  findLevelsToTile,
  findTileAreas,
  recordTileSetBoundaries,
  replaceTileSet,
  TILED_LEVELS,
} from './tilesRepository.ts';

/**
 * (Re)builds the tiles of one vintage × level from the stored boundaries, unless the tile set of
 * exactly these boundaries is there already. Returns the number of tiles written (0 when current).
 */
export async function buildTileSet(db: Executor, vintage: number, level: AreaLevel): Promise<number> {
  const areas = await findTileAreas(db, vintage, level);
  if (!areas.some((area) => area.geometry !== null)) {
    await deleteTileSet(db, vintage, level);
    return 0;
  }
  if ((await currentTileVersion(db, vintage, level)) === tileSetVersion(vintage, level, areas)) {
    await recordTileSetBoundaries(db, vintage, level);
    return 0;
  }
  const built = buildTiles(vintage, level, areas);
  await replaceTileSet(db, vintage, level, built, {
    codes: areas.map((area) => area.code),
    namen: areas.map((area) => area.name),
    gemeenten: areas.map((area) => area.gemeenteCode ?? (area.code.startsWith('GM') ? area.code : null)),
  });
  await recordTileSetBoundaries(db, vintage, level);
  return built.tiles.length;
}

/**
 * After a boundary import, or a rollback that removed areas: the tiles of every level of the
 * vintage, in that transaction (a level left without boundaries loses its tile set).
 */
export async function buildTilesForVintage(db: Executor, vintage: number): Promise<void> {
  for (const level of TILED_LEVELS) await buildTileSet(db, vintage, level);
}

/**
 * On start: tiles for boundaries imported before tiles existed, and new tiles for boundaries that
 * changed by a path without the hook (the tile set's fingerprint differs from the areas stored).
 */
export async function buildMissingOrStaleTileSets(db: Db): Promise<{ vintage: number; level: AreaLevel }[]> {
  const levels = await findLevelsToTile(db);
  for (const { vintage, level } of levels) {
    await db.transaction().execute((trx) => buildTileSet(trx, vintage, level));
  }
  return levels;
}
