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
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startTestServer, waitForMapColoured } from '../test/support/browser.ts';
import { loadNationalBuurten, NATIONAL_VINTAGE } from '../test/support/nationalBuurten.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NATIONAL_RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

interface Timing {
  firstShaded: number;
  /** When the layer response had arrived (ms after navigation start). */
  dataIn: number;
  /** When MapLibre's code had arrived. */
  mapLibreIn: number;
  recolour: number;
  /** How long the new layer request took, of the recolour time. */
  recolourApi: number;
  /** Vector tile bytes over the wire (gzip) for the first view, and how many tiles. */
  tileBytes: number;
  tiles: number;
  /** Geometry requests (tiles, GeoJSON) made by the recolour: must be 0. */
  geometryOnRecolour: number;
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
  // Tiles are fetched by MapLibre's worker: they are in the network events, not in the page's
  // resource timeline.
  const geometryRequests: { bytes: number }[] = [];
  page.on('requestfinished', async (request) => {
    if (!/\/api\/v1\/(tegels|geometrie)\//.test(request.url())) return;
    const entry = { bytes: 0 };
    geometryRequests.push(entry);
    const sizes = await request.sizes();
    entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize;
  });
  const tilesSoFar = () => ({
    count: geometryRequests.length,
    bytes: geometryRequests.reduce((sum, r) => sum + r.bytes, 0),
  });
  await page.goto(url);
  const version = await waitForMapColoured(page, 0, 300_000);
  const firstShaded = await page.evaluate(() => performance.getEntriesByName('kaart-gekleurd')[0]!.startTime);
  const geometry = tilesSoFar();
  const dataIn = (await resourceEnd(page, '/kaartlagen/')).end;
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
  const geometryAfter = geometryRequests.length;
  await context.close();
  return {
    firstShaded,
    dataIn,
    mapLibreIn,
    recolour: done - started,
    recolourApi: layer.end - layer.start,
    tileBytes: geometry.bytes,
    tiles: geometry.count,
    geometryOnRecolour: geometryAfter - geometry.count,
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
  console.log(`    of which: layer in at ${ms(m('dataIn'))}, MapLibre code in at ${ms(m('mapLibreIn'))}`);
  console.log(`  indicator change → recoloured   ${ms(m('recolour'))}  [${range('recolour')}]`);
  console.log(
    `    of which: the new /kaartlagen request ${ms(m('recolourApi'))}; geometry requests during recolour: ${Math.max(...timings.map((t) => t.geometryOnRecolour))}`,
  );
  console.log(
    `  first view: ${m('tiles')} tile and area-list requests, ${(m('tileBytes') / 1024).toFixed(0)} KB over the wire (gzip, with headers)`,
  );
  return { firstShaded: m('firstShaded'), recolour: m('recolour') };
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
  const js = files.filter((file) => file.endsWith('.js') && !file.startsWith('maplibre-gl'));
  const jsGz = js.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length,
    0,
  );
  console.log(`  client JS without MapLibre (all chunks): gz ${(jsGz / 1024).toFixed(1)} KB (goal ≤ 120 KB)`);
}

const server = await startTestServer({
  seed: async (db) => {
    const n = await loadNationalBuurten(db);
    // As a bulk import should leave it: fresh planner statistics.
    await sql`analyze`.execute(db);
    console.log(
      `bench database: GM1916 from ../shared/data + ${n} national buurten (2014) with synthetic values`,
    );
  },
});
const browser = await launchBrowser();
try {
  const local = await bench(
    browser,
    'GM1916 buurten (43)',
    `${server.url}/kaart?indicator=inwoners&periode=2024`,
    'huishoudens',
    RUNS,
  );
  const nl = await bench(
    browser,
    'Nederland buurten 2014 (11 691)',
    `${server.url}/kaart?indicator=inwoners&periode=${NATIONAL_VINTAGE}&indeling=${NATIONAL_VINTAGE}&gemeente=`,
    'huishoudens',
    NATIONAL_RUNS,
  );
  console.log(
    `\nNational vs GM1916 (same run): first shaded ${ms(nl.firstShaded)} vs ${ms(local.firstShaded)} ` +
      `(${(nl.firstShaded / local.firstShaded).toFixed(2)}×; goal < 2 000 ms); recolour ${ms(nl.recolour)} vs ${ms(local.recolour)} ` +
      `(${(nl.recolour / local.recolour).toFixed(2)}×; goal < 100 ms)`,
  );
  bundleSizes();
} finally {
  await browser.close();
  await server.close();
}
