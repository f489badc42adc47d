/**
 * Client benchmark (npm run bench:client): in Chromium, against the production build served by the
 * real server,
 *   - time from navigation to the first shaded map (performance mark "kaart-gekleurd"), with the
 *     first view's timeline (HTML, chunks, API responses, MapLibre, style, tiles, feature state),
 *   - time to recolour after an indicator change (change event → colours drawn), and its client
 *     side (the new layer's last byte → drawn),
 * for the GM1916 buurten (43) and for a national-sized buurt layer (all 11 691 buurten of 2014 from
 * ../shared/data, inserted into the bench database with synthetic values), each the median of
 * several runs in a fresh browser context (cold HTTP cache); plus the gzipped sizes of the built
 * client's assets: all JS without MapLibre (issue 13's goal), the entry and each page's first visit.
 * Prints figures; asserts nothing. DATABASE_URL=postgres://… runs the server on PostgreSQL.
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

/** Milestones of the first view, ms after navigation start, in the order they usually come. */
const MILESTONES = {
  html: 'HTML in',
  indexJs: 'index JS in',
  mapChunk: 'map chunk in',
  indicatoren: '/indicatoren in',
  indelingen: '/indelingen in',
  layerStart: '/kaartlagen requested',
  layerIn: '/kaartlagen in',
  tegelset: '/tegelset in',
  areaList: 'area list in',
  mapLibreIn: 'MapLibre code in',
  styleLoaded: "map 'load' event",
  firstTile: 'first tile requested',
  lastTile: 'last tile of the first view in',
  colourStart: 'feature state being set',
  firstShaded: 'first shaded (idle)',
} as const;
type Milestone = keyof typeof MILESTONES;

interface Timing extends Record<Milestone, number> {
  /** How long the loop of setFeatureState calls took (first colouring). */
  stateSet: number;
  recolour: number;
  /** How long the new layer request took, of the recolour time. */
  recolourApi: number;
  /** Client side of the recolour: from the new layer's last byte to colours drawn. */
  recolourClient: number;
  /** Of that: response in → colour effect starts (JSON, view model, table, React). */
  recolourReact: number;
  /** Of that: the setFeatureState calls. */
  recolourState: number;
  /** Vector tile bytes over the wire (gzip) for the first view, and how many tiles. */
  tileBytes: number;
  tiles: number;
  /** Geometry requests (tiles, GeoJSON) made by the recolour: must be 0. */
  geometryOnRecolour: number;
}

/** The page's resource timeline and marks, to pick milestones from. */
const timeline = (page: Page) =>
  page.evaluate(() => ({
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      path: new URL(e.name).pathname,
      start: e.startTime,
      end: e.responseEnd,
    })),
    navigation: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
    marks: Object.fromEntries(
      performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
    ) as Record<string, number>,
    measures: Object.fromEntries(
      performance.getEntriesByType('measure').map((m) => [m.name, m.duration] as const),
    ) as Record<string, number>,
    origin: performance.timeOrigin,
  }));
type Timeline = Awaited<ReturnType<typeof timeline>>;
const resource = (t: Timeline, pattern: RegExp, index = 0) =>
  t.resources.filter((r) => pattern.test(r.path))[index] ?? { start: Number.NaN, end: Number.NaN };

async function measure(browser: Browser, url: string, nextIndicator: string): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'nl-NL' });
  const page: Page = await context.newPage();
  // Tiles are fetched by MapLibre's worker: they are in the network events, not in the page's
  // resource timeline.
  const geometryRequests: { bytes: number; start: number; end: number }[] = [];
  page.on('requestfinished', async (request) => {
    if (!/\/api\/v1\/(tegels|geometrie)\//.test(request.url())) return;
    const entry = { bytes: 0, start: Number.NaN, end: Number.NaN };
    geometryRequests.push(entry);
    // Epoch milliseconds; made relative to the page's time origin below.
    const timing = request.timing();
    entry.start = timing.startTime;
    entry.end = timing.startTime + timing.responseEnd;
    const sizes = await request.sizes();
    entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize;
  });
  const tilesSoFar = () => ({
    count: geometryRequests.length,
    bytes: geometryRequests.reduce((sum, r) => sum + r.bytes, 0),
  });
  await page.goto(url);
  const version = await waitForMapColoured(page, 0, 300_000);
  const first = await timeline(page);
  const geometry = tilesSoFar();
  const tiles = geometryRequests.filter((r) => r.start - first.origin <= first.marks['kaart-gekleurd']!);
  const milestones: Record<Milestone, number> = {
    html: first.navigation,
    indexJs: resource(first, /\/assets\/index-.*\.js$/).end,
    mapChunk: resource(first, /\/assets\/(kaart|MapPanel)-.*\.js$/).end,
    indicatoren: resource(first, /\/api\/v1\/indicatoren$/).end,
    indelingen: resource(first, /\/api\/v1\/indelingen$/).end,
    layerStart: resource(first, /\/kaartlagen\//).start,
    layerIn: resource(first, /\/kaartlagen\//).end,
    tegelset: resource(first, /\/tegelset$/).end,
    areaList: resource(first, /\/gebieden/).end,
    mapLibreIn: resource(first, /\/assets\/maplibre-gl-[^/]*\.js$/).end,
    styleLoaded: first.marks['kaart-stijl-geladen'] ?? Number.NaN,
    firstTile: Math.min(...tiles.map((r) => r.start - first.origin)),
    lastTile: Math.max(...tiles.map((r) => r.end - first.origin)),
    colourStart: first.marks['kaart-kleuren-1'] ?? Number.NaN,
    firstShaded: first.marks['kaart-gekleurd']!,
  };
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
  const after = await timeline(page);
  const done = after.marks[`kaart-gekleurd-${next}`]!;
  const layer = resource(after, /\/kaartlagen\//, 1);
  const geometryAfter = geometryRequests.length;
  await context.close();
  return {
    ...milestones,
    stateSet: first.measures['kaart-staat-1'] ?? Number.NaN,
    recolour: done - started,
    recolourApi: layer.end - layer.start,
    recolourClient: done - layer.end,
    recolourReact: (after.marks[`kaart-kleuren-${next}`] ?? Number.NaN) - layer.end,
    recolourState: after.measures[`kaart-staat-${next}`] ?? Number.NaN,
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
  console.log('    timeline (median ms after navigation start):');
  for (const [key, name] of Object.entries(MILESTONES))
    console.log(`      ${ms(m(key as Milestone))}  ${name}`);
  console.log(`    setFeatureState for every area: ${ms(m('stateSet'))}`);
  console.log(`  indicator change → recoloured   ${ms(m('recolour'))}  [${range('recolour')}]`);
  console.log(
    `    of which: the new /kaartlagen request ${ms(m('recolourApi'))}; geometry requests during recolour: ${Math.max(...timings.map((t) => t.geometryOnRecolour))}`,
  );
  console.log(
    `    client side (layer's last byte → drawn) ${ms(m('recolourClient'))}  [${range('recolourClient')}]: ` +
      `to the colour effect ${ms(m('recolourReact'))}, setFeatureState ${ms(m('recolourState'))}`,
  );
  console.log(
    `  first view: ${m('tiles')} tile and area-list requests, ${(m('tileBytes') / 1024).toFixed(0)} KB over the wire (gzip, with headers)`,
  );
  return { firstShaded: m('firstShaded'), recolour: m('recolour'), recolourClient: m('recolourClient') };
}

const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Gzipped sizes of the built client. "Client JS without MapLibre" is every JS chunk the app ships
 * except MapLibre's own (the goal of issue 13); beside it what a first visit loads: the entry
 * chunk (any page) and, per page, the entry plus the page's chunk and its static imports.
 */
function bundleSizes(): void {
  const dir = path.resolve(import.meta.dirname, '..', 'dist', 'client', 'assets');
  const files = readdirSync(dir).sort();
  const gz = new Map(
    files.map((file) => [file, gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length]),
  );
  const index = readFileSync(path.join(dir, '..', 'index.html'), 'utf8');
  const isMapLibre = (file: string) => file.startsWith('maplibre-gl');
  console.log('\nBundle (dist/client/assets), gzip -9:');
  for (const file of files) {
    const entry = index.includes(file);
    console.log(
      `  ${file.padEnd(44)} ${KB(statSync(path.join(dir, file)).size).padStart(10)}  gz ${KB(gz.get(file)!).padStart(9)}${entry ? '  (entry)' : ''}`,
    );
  }
  // A chunk's static imports (`from"./x.js"`, `import"./x.js"`), followed: what loads with it.
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const [, imported] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g))
      closure(imported!, seen);
    return seen;
  };
  const sum = (chunks: Iterable<string>) =>
    [...chunks].filter((f) => !isMapLibre(f)).reduce((total, f) => total + gz.get(f)!, 0);
  const js = files.filter((file) => file.endsWith('.js'));
  const entry = js.filter((file) => index.includes(file));
  const entryClosure = new Set(entry.flatMap((file) => [...closure(file)]));
  console.log(`  entry JS (every first visit, any page): gz ${KB(sum(entryClosure))}`);
  const entryCode = entry.map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n');
  const pages = js.filter(
    (file) =>
      !entryClosure.has(file) &&
      !isMapLibre(file) &&
      (entryCode.includes(`assets/${file}`) || entryCode.includes(`./${file}`)),
  );
  for (const page of pages) {
    const chunks = new Set([...entryClosure, ...closure(page)]);
    console.log(
      `    first visit to the page of ${page.replace(/-[\w-]+\.js$/, '').padEnd(14)} gz ${KB(sum(chunks))}`,
    );
  }
  const all = sum(js);
  console.log(
    `  client JS without MapLibre (all chunks the app ships): gz ${KB(all)} (goal ≤ 120 KB${all > 120 * 1024 ? `: ${KB(all - 120 * 1024)} over` : ''})`,
  );
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
      `(${(nl.recolour / local.recolour).toFixed(2)}×; goal < 100 ms); client side of the recolour ` +
      `${ms(nl.recolourClient)} vs ${ms(local.recolourClient)}`,
  );
  bundleSizes();
} finally {
  await browser.close();
  await server.close();
}
