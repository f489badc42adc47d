import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  chooseAreaOnMapByKeyboard,
  chooseIndicator,
  countRequests,
  launchBrowser,
  openMapExplorer,
  saveScreenshot,
  startTestServer,
  type TestServer,
  waitForMapColoured,
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

test('changing the indicator recolours the map without fetching geometry again', () =>
  withPage(browser, async ({ page }) => {
    const geometry = countRequests(page, /\/api\/v1\/(geometrie|tegels)\//);
    const layers = countRequests(page, /\/api\/v1\/kaartlagen\//);
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024');
    const first = await page.evaluate(() =>
      Number(document.querySelector<HTMLElement>('[data-kleur-versie]')?.dataset.kleurVersie),
    );
    const tiles = geometry.count();
    assert.ok(tiles > 1, `vector tiles and the area list: ${geometry.urls.join(', ')}`);
    assert.ok(
      geometry.urls.every((url) => !url.includes('/geometrie/')),
      'no GeoJSON for the map',
    );
    await chooseIndicator(page, 'Aantal huishoudens');
    await page.waitForURL(/indicator=huishoudens/);
    await waitForMapColoured(page, first);
    assert.equal(geometry.count(), tiles, `no geometry fetched again: ${geometry.urls.join(', ')}`);
    assert.equal(layers.count(), 2, 'one small values request per indicator');
    await page.getByRole('table', { name: /Aantal huishoudens per buurt in 2024/ }).waitFor();
  }));

test('the legend is drawn from the scale and names the no-data and suppressed patterns', () =>
  withPage(browser, async ({ page }) => {
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024');
    const legend = page.getByRole('figure', { name: /Legenda: Aantal inwoners/ });
    const items = await legend.getByRole('listitem').allInnerTexts();
    assert.ok(
      items.some((t) => /^0 tot 1\.000$/.test(t.trim())),
      items.join(' | '),
    );
    assert.ok(items.some((t) => t.includes('Geen gegevens (schuine arcering)')));
    assert.ok(items.some((t) => t.includes('Geheim / te klein (kruisarcering)')));
  }));

test('map state lives in the URL and back/forward restore it', () =>
  withPage(browser, async ({ page }) => {
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024');
    await page.getByRole('radio', { name: 'Voortgang' }).check();
    await page.waitForURL(/kleur=voortgang/);
    await page.getByLabel('Niveau').selectOption('wijk');
    await page.waitForURL(/niveau=wijk/);
    await page.getByRole('table', { name: /per wijk/ }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('niveau=wijk'));
    await page.getByRole('table', { name: /per buurt/ }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Voortgang' }).isChecked(), true);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('kleur=voortgang'));
    assert.equal(await page.getByRole('radio', { name: 'Waarde' }).isChecked(), true);
    await page.goForward();
    await page.waitForURL(/kleur=voortgang/);
    assert.equal(await page.getByRole('radio', { name: 'Voortgang' }).isChecked(), true);
    // A fresh load of the same URL shows the same view.
    await page.reload();
    await page.getByRole('table', { name: /per buurt in 2024, voortgang/ }).waitFor();
  }));

test('an area can be chosen on the map with the keyboard alone', () =>
  withPage(browser, async ({ page }) => {
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024');
    await chooseAreaOnMapByKeyboard(page, 'Prinsenhof hoog');
    const button = page.getByRole('button', { name: 'Kies Prinsenhof hoog op de kaart' });
    await page.waitForURL(/gebied=BU19160200/);
    const card = page.getByRole('region', { name: 'Gekozen gebied' });
    await card.getByRole('heading', { name: 'Prinsenhof hoog' }).waitFor();
    assert.match((await card.textContent()) ?? '', /4\.670/);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await card.getByRole('link', { name: /Profiel van Prinsenhof hoog/ }).press('Enter');
    await page.waitForURL(/\/gebied\/BU19160200$/);
    await page.getByRole('heading', { name: 'Prinsenhof hoog', level: 1 }).waitFor();
  }));

test('hovering an area shows its name and value', () =>
  withPage(browser, async ({ page }) => {
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024');
    const box = (await page.getByRole('region', { name: /^Kaart:/ }).boundingBox())!;
    let text = '';
    // Move over a grid of points until one is over an area (the gemeente does not fill the frame).
    for (let y = 0.3; y <= 0.7 && !text; y += 0.1) {
      for (let x = 0.3; x <= 0.7 && !text; x += 0.1) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        await page.waitForTimeout(50);
        text = await page.evaluate(() => document.querySelector('.map-tooltip')?.textContent ?? '');
      }
    }
    assert.match(text, /^.+: [\d.]+$/);
  }));

test('the table sorts by value', () =>
  withPage(browser, async ({ page }) => {
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024');
    const table = page.getByRole('table', { name: /Aantal inwoners per buurt/ });
    // The first click on a value column sorts from high to low; the second turns it round.
    await table.getByRole('button', { name: /^Waarde/ }).click();
    assert.equal(
      await table.getByRole('columnheader', { name: /^Waarde/ }).getAttribute('aria-sort'),
      'descending',
    );
    const first = await table.getByRole('row').nth(1).getByRole('rowheader').textContent();
    assert.equal(first?.trim(), 'Prinsenhof hoog', 'the buurt with the most inhabitants first');
  }));

test('the map explorer has no axe-core violations', () =>
  withPage(browser, async ({ page, errors }) => {
    await openMapExplorer(page, server, 'indicator=inwoners&periode=2024&gebied=BU19160200');
    await saveScreenshot(page, 'kaart');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('radio', { name: 'Voortgang' }).check();
    await waitForMapColoured(page, 1);
    await saveScreenshot(page, 'kaart-voortgang');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  }));
