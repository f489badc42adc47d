import { buildTilesForVintage } from '../../maptiles/buildTileSets.ts';
import { writeAreas } from '../writeAreas.ts';
import type { Executor, WriteCounts } from '../writeObservations.ts';
import type { ParsedArea } from './parseBoundaries.ts';

/**
 * Writes a boundary file's areas and, in the same transaction, the vector tiles of every level of
 * its vintage (decision 0117): tiles are made once here, never per request.
 */
export async function writeBoundaries(
  db: Executor,
  areas: ParsedArea[],
  importId: number | null,
  source: string,
): Promise<WriteCounts> {
  const counts = await writeAreas(db, areas, importId, source);
  for (const vintage of new Set(areas.map((area) => area.vintage))) await buildTilesForVintage(db, vintage);
  return counts;
}
