import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Browser, Page } from 'playwright-core';
import { GEOJSON_FIELDS } from '../../server/exports/geojsonFields.ts';
import {
  axeViolations,
  launchBrowser,
  saveScreenshot,
  startTestServer,
  type TestServer,
  withPage,
} from '../support/browser.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function chooseSelection(page: Page): Promise<void> {
  await page.goto(`${server.url}/data`);
  await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
  await page.getByRole('checkbox', { name: /Huishoudens onder of rond het sociaal minimum/ }).check();
  await page.getByRole('checkbox', { name: '2017' }).check();
  await page.getByLabel('Niveau').selectOption('buurt');
}

async function download(page: Page, name: string | RegExp): Promise<{ bytes: Buffer; fileName: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { bytes: await readFile((await file.path())!), fileName: file.suggestedFilename() };
}

test('the Excel CSV download has a BOM, semicolons, decimal commas and the chosen rows', () =>
  withPage(browser, async ({ page }) => {
    await chooseSelection(page);
    const { bytes, fileName } = await download(page, 'CSV voor Excel (Nederlands)');
    assert.match(fileName, /\.csv$/);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    const header = lines[0]!.split(';');
    assert.ok(header.includes('gebiedscode') && header.includes('waarde'), header.join('|'));
    const rows = lines.slice(1).map((l) => l.split(';'));
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    assert.ok(rows.length >= 20, `${rows.length} rows`);
    assert.ok(
      rows.every((r) => col(r, 'periode') === '2017'),
      'only the chosen year',
    );
    assert.ok(rows.every((r) => col(r, 'indicator') === 'huishoudens_onder_of_rond_sociaal_minimum_pct'));
    const prinsenhof = rows.find((r) => col(r, 'gebiedscode') === 'BU19160200');
    assert.equal(col(prinsenhof!, 'waarde'), '13,5', 'decimal comma');
  }));

test('the plain CSV download uses commas and decimal points', () =>
  withPage(browser, async ({ page }) => {
    await chooseSelection(page);
    const { bytes } = await download(page, 'CSV standaard');
    assert.notEqual(bytes[0], 0xef, 'no BOM');
    const text = bytes.toString('utf8');
    assert.match(text.split(/\r?\n/)[0]!, /^gebiedscode,gebiedsnaam,/);
    assert.match(text, /BU19160200,Prinsenhof hoogbouw,buurt,2017,.*,13\.5,/);
  }));

test('the GeoJSON download is a FeatureCollection of the chosen indicator and year', () =>
  withPage(browser, async ({ page }) => {
    await page.goto(`${server.url}/data?geoIndicator=inwoners&geoJaar=2024`);
    const { bytes, fileName } = await download(page, 'GeoJSON downloaden');
    assert.match(fileName, /\.geojson$/);
    const geojson = JSON.parse(bytes.toString('utf8'));
    assert.equal(geojson.type, 'FeatureCollection');
    assert.equal(geojson.features.length, 43);
    const prinsenhof = geojson.features.find((f: { id: string }) => f.id === 'BU19160200');
    assert.equal(prinsenhof.properties.waarde, 4670);
  }));

test('choosing Programmagebieden, the downloads give Leidschendam-Noord its buurten’s summed figure', () =>
  withPage(browser, async ({ page }) => {
    await page.goto(`${server.url}/data`);
    await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: /^Aantal inwoners/ }).check();
    await page.getByRole('checkbox', { name: '2024' }).check();
    await page.getByLabel('Niveau').selectOption('programmagebied');
    const members = (
      await server.db
        .selectFrom('area_members')
        .select('member_code')
        .where('area_code', '=', 'PG_LEIDSCHENDAM_NOORD')
        .execute()
    ).map((m) => m.member_code);
    const buurten = await server.db
      .selectFrom('observations')
      .select('value')
      .where('indicator_id', '=', 'inwoners')
      .where('period', '=', '2024')
      .where('vintage', '=', 2022)
      .where('area_code', 'in', members)
      .execute();
    assert.equal(buurten.length, 5);
    const expected = buurten.reduce((sum, o) => sum + (o.value as number), 0);
    const lines = (await download(page, 'CSV standaard')).bytes.toString('utf8').trim().split(/\r?\n/);
    const row = lines.find((l) => l.startsWith('PG_LEIDSCHENDAM_NOORD,'));
    assert.ok(row, lines.join('\n'));
    assert.match(
      row,
      new RegExp(`,inwoners,Aantal inwoners,aantal,2024,${expected},.*"Berekend: som van 5 buurten`),
    );
    await page.goto(`${server.url}/data?geoIndicator=inwoners&geoJaar=2024&niveau=programmagebied`);
    const geojson = JSON.parse((await download(page, 'GeoJSON downloaden')).bytes.toString('utf8'));
    const feature = geojson.features.find((f: { id: string }) => f.id === 'PG_LEIDSCHENDAM_NOORD');
    assert.equal(feature.properties.waarde, expected);
  }));

test('the FlatGeobuf download is the same layer with its field types declared', () =>
  withPage(browser, async ({ page }) => {
    await page.goto(`${server.url}/data?geoIndicator=inwoners&geoJaar=2024`);
    const { bytes, fileName } = await download(page, 'FlatGeobuf (voor GIS, met vaste veldtypen)');
    assert.match(fileName, /^buurtpeil-inwoners-2024-.*\.fgb$/);
    let columns: Array<{ name: string }> = [];
    const features = [];
    for await (const feature of deserialize(new Uint8Array(bytes), {
      headerMetaFn: (header) => {
        columns = header.columns ?? [];
      },
    }))
      features.push(feature);
    assert.deepEqual(
      columns.map((column) => column.name),
      Object.keys(GEOJSON_FIELDS),
    );
    assert.equal(features.length, 43);
    const prinsenhof = features.find((f) => f.properties?.code === 'BU19160200');
    assert.equal(prinsenhof?.properties?.waarde, 4670);
  }));

test('the data page links the API reference and the OpenAPI document', () =>
  withPage(browser, async ({ page }) => {
    await page.goto(`${server.url}/data`);
    const openapi = page.getByRole('link', { name: 'OpenAPI-specificatie' });
    const response = await page.request.get(
      new URL((await openapi.getAttribute('href'))!, server.url).toString(),
    );
    assert.equal(response.status(), 200);
    assert.match((await response.json()).openapi, /^3\./);
    const reference = page.getByRole('link', { name: 'API-referentie' });
    const html = await page.request.get(
      new URL((await reference.getAttribute('href'))!, server.url).toString(),
    );
    assert.equal(html.status(), 200);
    assert.match(html.headers()['content-type'] ?? '', /text\/html/);
  }));

test('the data page has no axe-core violations', () =>
  withPage(browser, async ({ page, errors }) => {
    await chooseSelection(page);
    await saveScreenshot(page, 'data');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  }));
