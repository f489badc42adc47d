import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  findAreaByKeyboard,
  launchBrowser,
  openProfile,
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

test('a buurt profile compares the buurt with its wijk, gemeente and Nederland', () =>
  withPage(browser, async ({ page }) => {
    await openProfile(page, server, 'BU19160200');
    await page.getByRole('heading', { name: 'Prinsenhof hoog', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Prinsenhof hoog vergeleken met/ });
    const headers = await table.getByRole('columnheader').allInnerTexts();
    assert.deepEqual(
      headers.map((h) => h.trim().toLowerCase()),
      ['indicator', 'prinsenhof hoog', 'prinsenhof', 'leidschendam-voorburg', 'nederland'],
    );
    const households = (
      (await table.getByRole('row', { name: /^Aantal huishoudens/ }).textContent()) ?? ''
    ).replace(/\s+/g, ' ');
    assert.match(households, /2\.245 \(2024\).*2\.710 \(2024\).*37\.719 \(2024\)/);
  }));

test('a target shows its status with a "hoe berekend" card', () =>
  withPage(browser, async ({ page }) => {
    await openProfile(page, server, 'BU19160200');
    const card = page.getByRole('region', { name: 'Huishoudens met een bijstandsuitkering', exact: true });
    await card.getByText('Hoe berekend', { exact: false }).first().click();
    const details = card.locator('details[open]').first();
    const text = ((await details.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text, /Basis ?17,0% \(2020\)/);
    assert.match(text, /Streefwaarde|Doel gebruikt|Soort doel/);
    assert.ok(
      await card.getByRole('img', { name: /Verloop van Huishoudens met een bijstandsuitkering/ }).isVisible(),
    );
  }));

test('an area is found by typing its name and chosen with the keyboard alone', () =>
  withPage(browser, async ({ page }) => {
    await openProfile(page, server, 'BU19160200');
    await findAreaByKeyboard(page, 'heuvel no', /De Heuvel noord/);
    await page.waitForURL(/\/gebied\/BU19160602$/);
    await page.getByRole('heading', { name: 'De Heuvel noord', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Prinsenhof hoog', level: 1 }).waitFor();
  }));

test('a code redrawn between vintages does not mix the old area into the series', () =>
  withPage(browser, async ({ page }) => {
    // BU19160600 was all of De Heuvel in 2017 and only De Heuvel zuid from 2020 on.
    await openProfile(page, server, 'BU19160600');
    await page.getByText(/In indeling 2017 had code BU19160600 een andere begrenzing/).waitFor();
  }));

test('the profile has no axe-core violations', () =>
  withPage(browser, async ({ page, errors }) => {
    await openProfile(page, server, 'BU19160200');
    await page.getByRole('table', { name: /vergeleken met/ }).waitFor();
    await saveScreenshot(page, 'profiel');
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${server.url}/gebied`);
    await page.getByRole('heading', { name: 'Gebieden', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Prinsenhof hoog' }).waitFor();
    await saveScreenshot(page, 'gebieden');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  }));
