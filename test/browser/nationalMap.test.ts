import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  chooseAreaOnMapByKeyboard,
  chooseIndicator,
  countRequests,
  launchBrowser,
  saveScreenshot,
  startTestServer,
  type TestServer,
  waitForMapColoured,
  withPage,
} from '../support/browser.ts';
import { loadNationalBuurten } from '../support/nationalBuurten.ts';

// All 11 691 buurten of 2014 through the real boundary importer (tiles made at import), with
// synthetic values: the map of the whole country.
let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({
    seed: async (db) => {
      await loadNationalBuurten(db);
      await sql`analyze`.execute(db);
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const NATIONAL = 'indicator=inwoners&periode=2014&indeling=2014&gemeente=';

test('the national map shades from tiles, recolours without new geometry and keeps a paged table beside it', () =>
  withPage(browser, async ({ page }) => {
    const geometry = countRequests(page, /\/api\/v1\/(geometrie|tegels)\//);
    await page.goto(`${server.url}/kaart?${NATIONAL}`);
    const first = await waitForMapColoured(page, 0, 120_000);
    assert.equal(
      await page
        .getByLabel(/^Gebied/)
        .first()
        .inputValue(),
      '',
      'Heel Nederland',
    );
    const tiles = geometry.urls.filter((url) => /\/tegels\/2014-buurt-[0-9a-f]+\/\d+\/\d+\/\d+$/.test(url));
    assert.ok(tiles.length > 0, `vector tiles: ${geometry.urls.join(', ')}`);
    assert.ok(!geometry.urls.some((url) => url.includes('/geometrie/')), 'no GeoJSON for the map');
    const fetched = geometry.count();
    // Start-up order (decision 0108): the entry chunk asks for the layer and MapLibre's code before
    // the map page's own chunk has arrived, not after it and its /indicatoren request.
    const resources = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        path: new URL(e.name).pathname,
        start: e.startTime,
        end: e.responseEnd,
      })),
    );
    const find = (pattern: RegExp) => resources.find((r) => pattern.test(r.path));
    const timing = {
      layerRequested: find(/\/kaartlagen\//)?.start,
      mapLibreRequested: find(/\/assets\/maplibre-gl-[^/]*\.js$/)?.start,
      mapChunkIn: find(/\/assets\/kaart-[^/]*\.js$/)?.end,
    };
    assert.ok(timing.mapChunkIn !== undefined, JSON.stringify(timing));
    assert.ok(
      timing.layerRequested! < timing.mapChunkIn!,
      `layer before the map chunk: ${JSON.stringify(timing)}`,
    );
    assert.ok(
      timing.mapLibreRequested! < timing.mapChunkIn!,
      `MapLibre before the map chunk: ${JSON.stringify(timing)}`,
    );

    await chooseIndicator(page, 'Aantal huishoudens');
    await waitForMapColoured(page, first, 120_000);
    assert.equal(
      geometry.count(),
      fetched,
      `no geometry on recolour: ${geometry.urls.slice(fetched).join(', ')}`,
    );

    const table = page.getByRole('table', { name: /Aantal huishoudens per buurt in 2014/ });
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 100, 'the first hundred rows');
    await page.getByRole('button', { name: /^Toon alle 11\.691 gebieden$/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'kaart-nederland', { fullPage: false });
  }));

test('the national map is usable by keyboard and a gemeente is a filter on the same tiles', () =>
  withPage(browser, async ({ page }) => {
    const geometry = countRequests(page, /\/api\/v1\/(geometrie|tegels)\//);
    await page.goto(`${server.url}/kaart?${NATIONAL}`);
    const first = await waitForMapColoured(page, 0, 120_000);
    const name = ((await page.locator('.area-table tbody tr th a').first().textContent()) ?? '').trim();
    await chooseAreaOnMapByKeyboard(page, name);
    await page.waitForURL(/gebied=BU/);
    await page.getByRole('region', { name: 'Gekozen gebied' }).getByRole('heading', { name }).waitFor();

    const picker = page.getByLabel(/^Gebied/).first();
    await picker.focus();
    await picker.selectOption('GM0363');
    await page.waitForURL(/gemeente=GM0363/);
    await waitForMapColoured(page, first, 120_000);
    const rows = await page.locator('.area-table tbody tr th a').allTextContents();
    assert.ok(rows.length > 0 && rows.length <= 100);
    const tileSets = geometry.urls.filter((url) => url.includes('/gebieden'));
    assert.equal(tileSets.length, 1, 'one area list, however many gemeenten are chosen');
  }));
