import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../server/db/createDatabase.ts';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { mapLayerQuery } from '../../server/maplayers/mapLayersRepository.ts';
import { sharedFile } from '../../test/support/sharedData.ts';
import { createTestDatabase } from '../../test/support/testDatabase.ts';

const NATIONAL_VINTAGE = 2014;
interface NationalFeature {
  properties: { statcode: string; statnaam: string };
  geometry: { type: string; coordinates: unknown } | null;
}

function bboxOf(geometry: NationalFeature['geometry']): [number, number, number, number] | null {
  if (!geometry) return null;
  let [a, b, c, d] = [180, 90, -180, -90];
  const visit = (x: unknown): void => {
    if (Array.isArray(x) && typeof x[0] === 'number') {
      a = Math.min(a, x[0] as number);
      c = Math.max(c, x[0] as number);
      b = Math.min(b, x[1] as number);
      d = Math.max(d, x[1] as number);
    } else if (Array.isArray(x)) for (const y of x) visit(y);
  };
  visit(geometry.coordinates);
  return [a, b, c, d];
}

/** All 2014 buurten of the Netherlands as vintage 2014, with deterministic synthetic values for two indicators. */
async function loadNationalLayer(db: Db): Promise<number> {
  const file = sharedFile('geometry', 'national', 'buurten_2014_nl.geojson');
  const geojson = JSON.parse(readFileSync(file, 'utf8')) as { features: NationalFeature[] };
  const features = geojson.features.filter((f) => f.properties.statcode?.startsWith('BU'));
  const chunk = 500;
  for (let i = 0; i < features.length; i += chunk) {
    await db
      .insertInto('areas')
      .values(
        features.slice(i, i + chunk).map((f) => ({
          code: f.properties.statcode,
          vintage: NATIONAL_VINTAGE,
          level: 'buurt' as const,
          name: f.properties.statnaam,
          parent_code: `WK${f.properties.statcode.slice(2, 8)}`,
          gemeente_code: `GM${f.properties.statcode.slice(2, 6)}`,
          geometry: f.geometry ? JSON.stringify(f.geometry) : null,
          bbox: f.geometry ? JSON.stringify(bboxOf(f.geometry)) : null,
          source: 'bench: buurten_2014_nl.geojson',
          import_id: null,
        })),
      )
      .onConflict((oc) => oc.columns(['code', 'vintage']).doNothing())
      .execute();
  }
  for (const [indicator, scale] of [
    ['inwoners', 4000],
    ['huishoudens', 1800],
  ] as const) {
    for (let i = 0; i < features.length; i += chunk) {
      await db
        .insertInto('observations')
        .values(
          features.slice(i, i + chunk).map((f, j) => ({
            indicator_id: indicator,
            area_code: f.properties.statcode,
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
  return features.length;
}

const { db, kind } = await createTestDatabase();
await upsertIndicatorCatalogue(db);
if (process.env.DROP_LAYER_INDEX) await sql`drop index observations_layer`.execute(db);
await loadNationalLayer(db);
const q = mapLayerQuery(db, {
  indicatorId: 'inwoners',
  period: '2014',
  vintage: 2014,
  level: 'buurt',
}).compile();
for (const phase of ['stale statistics', 'after analyze']) {
  if (phase === 'after analyze') await sql`analyze`.execute(db);
  const plan = await db.executeQuery({ ...q, sql: `explain analyze ${q.sql}` } as never);
  console.log(`--- ${kind} ${phase} (index dropped: ${Boolean(process.env.DROP_LAYER_INDEX)})`);
  console.log((plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n'));
}
await db.destroy();
