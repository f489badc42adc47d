import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/createDatabase.ts';
import { boundingBox } from '../boundaries/reproject.ts';
import { simplifyLayers } from '../boundaries/simplifyLayers.ts';

/**
 * Gives programme areas (sets of buurten) an outline once all their members have one: the
 * members' shapes merged on a shared topology (no simplification beyond what they already had).
 * Cheap when there is nothing to do, so start-up can call it every time.
 */
export async function refreshProgrammeAreaGeometries(db: Db): Promise<number> {
  const pending = await db
    .selectFrom('areas')
    .select(['code', 'vintage'])
    .where('level', '=', 'programmagebied')
    .where('geometry', 'is', null)
    .execute();
  let updated = 0;
  for (const area of pending) {
    const members = await db
      .selectFrom('area_members as m')
      .innerJoin('areas as a', (join) =>
        join.onRef('a.code', '=', 'm.member_code').onRef('a.vintage', '=', 'm.vintage'),
      )
      .select(['a.code', 'a.geometry'])
      .where('m.area_code', '=', area.code)
      .where('m.vintage', '=', area.vintage)
      .execute();
    if (members.length === 0 || members.some((member) => !member.geometry)) continue;
    const { merged } = simplifyLayers(
      members.map((member) => ({ code: member.code, geometry: member.geometry as Polygon | MultiPolygon })),
      new Map([[area.code, members.map((member) => member.code)]]),
      0,
    );
    const geometry = merged.get(area.code) ?? null;
    if (!geometry) continue;
    await db
      .updateTable('areas')
      .set({ geometry: JSON.stringify(geometry), bbox: JSON.stringify(boundingBox(geometry)) })
      .where('code', '=', area.code)
      .where('vintage', '=', area.vintage)
      .execute();
    updated++;
  }
  return updated;
}
