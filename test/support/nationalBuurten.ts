import { readFileSync } from 'node:fs';
import type { Db } from '../../server/db/createDatabase.ts';
import { importFile } from '../../server/imports/importFile.ts';
import { sharedFile } from './sharedData.ts';

export const NATIONAL_VINTAGE = 2014;

interface NationalFile {
  features: { geometry: { type: string; coordinates: unknown[] } | null }[];
}

/** Two buurten of the coarse 2014 file collapsed to an empty MultiPolygon: as null, like 1 277 others. */
function withoutEmptyGeometry(file: string): NationalFile {
  const geojson = JSON.parse(readFileSync(file, 'utf8')) as NationalFile;
  for (const feature of geojson.features) {
    if (feature.geometry && feature.geometry.coordinates.length === 0) feature.geometry = null;
  }
  return geojson;
}

/**
 * All 2014 buurten of the Netherlands through the real boundary importer (so tiles are built as
 * for any import), with deterministic synthetic values for two indicators.
 */
export async function loadNationalBuurten(db: Db): Promise<number> {
  const fileName = 'buurten_2014_nl.geojson';
  const report = await importFile(
    db,
    {
      kind: 'grenzen',
      fileName,
      bytes: Buffer.from(JSON.stringify(withoutEmptyGeometry(sharedFile('geometry', 'national', fileName)))),
      actor: 'bench',
      vintage: NATIONAL_VINTAGE,
    },
    { dryRun: false },
  );
  if (!report.ok) throw new Error(`national import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const codes = (
    await db
      .selectFrom('areas')
      .select('code')
      .where('vintage', '=', NATIONAL_VINTAGE)
      .where('level', '=', 'buurt')
      .orderBy('code')
      .execute()
  ).map((row) => row.code);
  const chunk = 1000;
  for (const [indicator, scale] of [
    ['inwoners', 4000],
    ['huishoudens', 1800],
  ] as const) {
    for (let i = 0; i < codes.length; i += chunk) {
      await db
        .insertInto('observations')
        .values(
          codes.slice(i, i + chunk).map((code, j) => ({
            indicator_id: indicator,
            area_code: code,
            vintage: NATIONAL_VINTAGE,
            period: String(NATIONAL_VINTAGE),
            year: NATIONAL_VINTAGE,
            // Spread over the range without randomness, so every run sees the same map.
            value: Math.round(((((i + j) * 7919) % 1000) / 1000) * scale),
            source: 'bench (synthetic)',
          })),
        )
        .onConflict((oc) => oc.columns(['indicator_id', 'area_code', 'vintage', 'period']).doNothing())
        .execute();
    }
  }
  return codes.length;
}
