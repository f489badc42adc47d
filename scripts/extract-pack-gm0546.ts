/**
 * Extracts the Leiden (GM0546) data pack from the national files in ../shared/data:
 * - the gemeente outline from the PDOK wijkenbuurten 2022 gemeente layer (land part only);
 * - the KWB 2024 (85984NED) rows of the gemeente, its wijken and its buurten, all columns;
 * - the 10 wijken and 54 buurten from the 2014 wijk- en buurtkaart (the only Leiden shapes offline),
 *   named as in KWB 2024: every code and name of 2014 is still in KWB 2024, so they serve the 2022
 *   indeling (pack README).
 * Run: node --import tsx scripts/extract-pack-gm0546.ts [dataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dataDir = process.argv[2] ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const packDir = path.resolve(import.meta.dirname, '..', 'geodata', 'packs', 'gm0546');

const gemeenten = JSON.parse(
  readFileSync(path.join(dataDir, 'geometry/national/gemeenten_2022_pdok_kwb.geojson'), 'utf8'),
) as { features: { properties: Record<string, unknown> }[] };
const leiden = gemeenten.features.filter(
  (f) => f.properties.gemeentecode === 'GM0546' && f.properties.water === 'NEE',
);
if (leiden.length !== 1) throw new Error(`expected one land feature of GM0546, found ${leiden.length}`);
const feature = leiden[0]!;
const keep = ['gemeentecode', 'gemeentenaam', 'water', 'jaar', 'aantalInwoners', 'aantalHuishoudens'];
feature.properties = Object.fromEntries(
  Object.entries(feature.properties).filter(([key]) => keep.includes(key)),
);
writeFileSync(
  path.join(packDir, 'gemeente_2022_GM0546.geojson'),
  `${JSON.stringify({ type: 'FeatureCollection', features: [feature] })}\n`,
);

const csv = readFileSync(path.join(dataDir, 'kwb/national/kwb2024_85984NED_first10000rows.csv'), 'utf8');
const lines = csv.split(/\r?\n/);
const header = lines[0]!;
const codeIndex = header
  .replace(/^\uFEFF/, '')
  .split(';')
  .indexOf('Codering_3');
const rows = lines.slice(1).filter((line) => {
  const code = (line.split(';')[codeIndex] ?? '').trim();
  return code === 'GM0546' || code.startsWith('WK0546') || code.startsWith('BU0546');
});
writeFileSync(path.join(packDir, 'kwb2024_85984NED_GM0546.csv'), `${[header, ...rows].join('\n')}\n`);

// Wijken and buurten 2014, under their KWB 2024 names; refuses when a code is not in KWB 2024.
const columns = header.replace(/^\uFEFF/, '').split(';');
const nameIndex = columns.indexOf('WijkenEnBuurten');
const kwbNames = new Map(
  rows.map((line) => {
    const cells = line.split(';');
    return [(cells[codeIndex] ?? '').trim(), (cells[nameIndex] ?? '').trim()] as const;
  }),
);
const shapes = ['wijken_2014_nl.geojson', 'buurten_2014_nl.geojson'].flatMap((name) => {
  const layer = JSON.parse(readFileSync(path.join(dataDir, 'geometry/national', name), 'utf8')) as {
    features: { type: 'Feature'; geometry: unknown; properties: { statcode: string; statnaam: string } }[];
  };
  return layer.features.filter((f) => f.properties.statcode.slice(2, 6) === '0546');
});
const areas = shapes.map((f) => {
  const statnaam = kwbNames.get(f.properties.statcode);
  if (!statnaam) throw new Error(`${f.properties.statcode} (2014) is not in KWB 2024`);
  return { type: 'Feature', geometry: f.geometry, properties: { statcode: f.properties.statcode, statnaam } };
});
writeFileSync(
  path.join(packDir, 'wijken_buurten_2014_GM0546.geojson'),
  `${JSON.stringify({ type: 'FeatureCollection', features: areas })}\n`,
);
console.log(
  `GM0546: 1 gemeente outline, ${rows.length} KWB 2024 rows, ${areas.length} wijken and buurten (2014 shapes, ${areas.filter((a) => !a.geometry).length} without)`,
);
