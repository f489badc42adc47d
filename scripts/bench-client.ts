/**
 * Client benchmark (npm run bench:client): in Chromium, against the production build served by the
 * real server,
 *   - time from navigation to the first shaded map (performance mark "kaart-gekleurd"),
 *   - time to recolour after an indicator change (change event → colours drawn),
 * for the GM1916 buurten (43) and for a national-sized buurt layer (all 11 691 buurten of 2014 from
 * ../shared/data, inserted into the bench database with synthetic values), each the median of
 * several runs in a fresh browser context (cold HTTP cache); plus the gzipped sizes of the built
 * client's assets. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../server/db/createDatabase.ts';
import { launchBrowser, startTestServer, waitForMapColoured } from '../test/support/browser.ts';
import { sharedFile } from '../test/support/sharedData.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NATIONAL_RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 3);
const NATIONAL_VINTAGE = 2014;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

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

interface Timing {
  firstShaded: number;
  /** When the last of the layer and geometry responses had arrived (ms after navigation start). */
  dataIn: number;
  /** When MapLibre's code had arrived. */
  mapLibreIn: number;
  recolour: number;
  /** How long the new layer request took, of the recolour time. */
  recolourApi: number;
  geometryBytes: number;
}

const resourceEnd = (page: Page, pattern: string, index = 0) =>
  page.evaluate(
    ([p, i]) => {
      const entries = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(p as string)) as PerformanceResourceTiming[];
      const e = entries[i as number];
      return e
        ? { start: e.startTime, end: e.responseEnd, bytes: e.decodedBodySize }
        : { start: Number.NaN, end: Number.NaN, bytes: Number.NaN };
    },
    [pattern, index],
  );

async function measure(browser: Browser, url: string, nextIndicator: string): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'nl-NL' });
  const page: Page = await context.newPage();
  await page.goto(url);
  const version = await waitForMapColoured(page, 0, 300_000);
  const firstShaded = await page.evaluate(() => performance.getEntriesByName('kaart-gekleurd')[0]!.startTime);
  const geometry = await resourceEnd(page, '/geometrie/');
  const dataIn = Math.max((await resourceEnd(page, '/kaartlagen/')).end, geometry.end);
  const geometryBytes = geometry.bytes;
  const mapLibreIn = (await resourceEnd(page, '/assets/maplibre-gl-')).end;
  const started = await page.evaluate((indicator) => {
    const select = [...document.querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === indicator),
    )!;
    const t0 = performance.now();
    select.value = indicator;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return t0;
  }, nextIndicator);
  const next = await waitForMapColoured(page, version, 300_000);
  const done = await page.evaluate(
    (run) => performance.getEntriesByName(`kaart-gekleurd-${run}`)[0]!.startTime,
    next,
  );
  const layer = await resourceEnd(page, '/kaartlagen/', 1);
  await context.close();
  return {
    firstShaded,
    dataIn,
    mapLibreIn,
    recolour: done - started,
    recolourApi: layer.end - layer.start,
    geometryBytes,
  };
}

async function bench(browser: Browser, label: string, url: string, nextIndicator: string, runs: number) {
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    timings.push(await measure(browser, url, nextIndicator));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const m = (key: keyof Timing) => median(timings.map((t) => t[key]));
  const range = (key: keyof Timing) =>
    `${ms(Math.min(...timings.map((t) => t[key])))} – ${ms(Math.max(...timings.map((t) => t[key])))}`.replace(
      /\s+/g,
      ' ',
    );
  console.log(`${label} (${runs} runs, median; range in brackets)`);
  console.log(`  navigation → first shaded map   ${ms(m('firstShaded'))}  [${range('firstShaded')}]`);
  console.log(
    `    of which: layer + geometry in at ${ms(m('dataIn'))}, MapLibre code in at ${ms(m('mapLibreIn'))}`,
  );
  console.log(`  indicator change → recoloured   ${ms(m('recolour'))}  [${range('recolour')}]`);
  console.log(
    `    of which: the new /kaartlagen request ${ms(m('recolourApi'))} (geometry not fetched again)`,
  );
  console.log(`  geometry response ${(timings[0]!.geometryBytes / 1024).toFixed(0)} KB (uncompressed)`);
}

function bundleSizes(): void {
  const dir = path.resolve(import.meta.dirname, '..', 'dist', 'client', 'assets');
  const files = readdirSync(dir).sort();
  let initial = 0;
  let total = 0;
  const index = readFileSync(path.join(dir, '..', 'index.html'), 'utf8');
  console.log('\nBundle (dist/client/assets), gzip -9:');
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    const entry = index.includes(file);
    if (entry) initial += gz;
    console.log(
      `  ${file.padEnd(44)} ${(statSync(path.join(dir, file)).size / 1024).toFixed(1).padStart(8)} KB  gz ${(gz / 1024).toFixed(1).padStart(7)} KB${entry ? '  (first view)' : ''}`,
    );
  }
  console.log(
    `  first view (index.html's script + css): gz ${(initial / 1024).toFixed(1)} KB; all assets: gz ${(total / 1024).toFixed(1)} KB`,
  );
}

const server = await startTestServer({
  seed: async (db) => {
    const n = await loadNationalLayer(db);
    console.log(
      `bench database: GM1916 from ../shared/data + ${n} national buurten (2014) with synthetic values`,
    );
  },
});
const browser = await launchBrowser();
try {
  await bench(
    browser,
    'GM1916 buurten (43)',
    `${server.url}/kaart?indicator=inwoners&periode=2024`,
    'huishoudens',
    RUNS,
  );
  await bench(
    browser,
    'Nederland buurten 2014 (11 691)',
    `${server.url}/kaart?indicator=inwoners&periode=${NATIONAL_VINTAGE}&indeling=${NATIONAL_VINTAGE}&gemeente=`,
    'huishoudens',
    NATIONAL_RUNS,
  );
  bundleSizes();
} finally {
  await browser.close();
  await server.close();
}
