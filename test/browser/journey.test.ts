import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  openDashboard,
  openPage,
  startTestServer,
  type TestPage,
  type TestServer,
  waitForMapColoured,
} from '../support/browser.ts';

let server: TestServer;
let browser: Browser;
let tab: TestPage;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  tab = await openPage(browser);
});
after(async () => {
  await tab?.close();
  await browser?.close();
  await server?.close();
});

test('a partner goes from the dashboard to the map, a buurt profile and a CSV download through the menu', async () => {
  const { page, errors } = tab;
  await openDashboard(page, server);

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kaart' }).click();
  await page.getByRole('heading', { name: 'Kaart', level: 1 }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Kaart' }).getAttribute('aria-current'), 'page');
  await waitForMapColoured(page);

  await page.getByRole('link', { name: 'Prinsenhof hoog' }).first().click();
  await page.waitForURL(/\/gebied\/BU19160200$/);
  await page.getByRole('heading', { name: 'Prinsenhof hoog', level: 1 }).waitFor();

  await page.getByRole('link', { name: 'Data' }).click();
  await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
  await page.getByRole('checkbox', { name: /^Aantal inwoners/ }).check();
  await page.getByRole('checkbox', { name: '2024' }).check();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSV voor Excel (Nederlands)' }).click(),
  ]);
  const text = (await readFile((await file.path())!)).toString('utf8');
  assert.ok(text.startsWith('\uFEFFgebiedscode;'), 'BOM and semicolon header');
  assert.match(text, /\r\nBU19160200;Prinsenhof hoog;buurt;2022;inwoners;[^\r\n]*;2024;4670;/);

  // Back through the history, page by page.
  await page.goBack();
  await page.getByRole('heading', { name: 'Prinsenhof hoog', level: 1 }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Kaart', level: 1 }).waitFor();
  assert.deepEqual(errors, []);
});

test('the skip link moves keyboard focus to the content', async () => {
  const { page } = tab;
  await page.goto(`${server.url}/data`);
  await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'first Tab reaches the skip link');
  assert.ok(await skip.isVisible(), 'visible when focused');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#inhoud$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');
});

test('Beheer is in the menu and loads its own part of the client', async () => {
  const { page } = tab;
  await page.goto(`${server.url}/`);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.waitForURL(/\/beheer$/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});
