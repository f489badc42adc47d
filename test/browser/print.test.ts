import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  openDashboard,
  openPage,
  openProfile,
  saveScreenshot,
  screenshotDir,
  startTestServer,
  type TestServer,
  waitForMapColoured,
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

/** Pages of a PDF, counted from its page objects. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('the dashboard prints on A4 without the menu and controls', async () => {
  const tab = await openPage(browser, { width: 794, height: 1123 });
  try {
    const { page } = tab;
    await openDashboard(page, server);
    await waitForMapColoured(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);
    assert.equal(await page.getByRole('radio', { name: '20 jaar' }).isVisible(), false);
    assert.ok(await page.getByRole('heading', { name: 'Doelen en voortgang' }).isVisible());
    await saveScreenshot(page, 'dashboard-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await mkdir(screenshotDir, { recursive: true });
    await writeFile(path.join(screenshotDir, 'dashboard.pdf'), pdf);
    const pages = pageCount(pdf);
    assert.ok(pages >= 1 && pages <= 6, `${pages} A4 pages`);
  } finally {
    await tab.close();
  }
});

test('a profile prints on A4 with its "hoe berekend" cards open', async () => {
  const tab = await openPage(browser, { width: 794, height: 1123 });
  try {
    const { page } = tab;
    await openProfile(page, server, 'BU19160200');
    await page.getByRole('table', { name: /vergeleken met/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(
      await page.getByRole('combobox').first().isVisible(),
      false,
      'the search box is not printed',
    );
    await saveScreenshot(page, 'profiel-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(path.join(screenshotDir, 'profiel.pdf'), pdf);
    assert.ok(pageCount(pdf) >= 1);
  } finally {
    await tab.close();
  }
});
