import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  openDashboard,
  openPage,
  saveScreenshot,
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
  await openDashboard(tab.page, server);
});
after(async () => {
  await tab?.close();
  await browser?.close();
  await server?.close();
});

test('the dashboard lists every target of Sterk voor Noord with baseline, targets, plan text and status in words', async () => {
  const { page } = tab;
  await page.getByRole('heading', { name: 'Sterk voor Noord', level: 1 }).waitFor();
  const bijstand = page.getByRole('table', { name: /Huishoudens met een bijstandsuitkering/ }).first();
  const row = bijstand.getByRole('row', { name: /Prinsenhof hoog/ });
  await row.waitFor();
  const text = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(text, /17,0% \(2020\)/, 'baseline in Dutch notation');
  assert.match(text, /11,5%/, '10-year target');
  assert.match(text, /6% LV/, "the plan's literal text");
  assert.match(
    text,
    /Onvoldoende gegevens|Op schema|Behaald|Versnelling nodig|Beperkte vooruitgang|Verslechtering|Onzeker/,
  );
  // Six result rows in the plan → six indicator tables.
  assert.equal(
    await page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Doel 10 jaar' }) })
      .count(),
    6,
  );
});

test('the dashboard map is shaded and has a legend and the programme area outline', async () => {
  const { page } = tab;
  await waitForMapColoured(page);
  await page.getByRole('figure', { name: /Legenda/ }).waitFor();
  assert.ok(await page.getByText('Gestippelde rand: programmagebied').isVisible());
  assert.ok(
    await page
      .getByRole('region', { name: /^Kaart: Huishoudens met een bijstandsuitkering per buurt/ })
      .isVisible(),
  );
});

test('the horizon choice is in the URL and changes the status column', async () => {
  const { page } = tab;
  await page.getByRole('radio', { name: '20 jaar' }).check();
  await page.waitForURL(/horizon=20/);
  await page.getByRole('columnheader', { name: 'Status (20 jaar)' }).first().waitFor();
  await page.goBack();
  await page.getByRole('columnheader', { name: 'Status (10 jaar)' }).first().waitFor();
});

test('the dashboard has no axe-core violations', async () => {
  const { page } = tab;
  await waitForMapColoured(page);
  await saveScreenshot(page, 'dashboard');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(tab.errors, []);
});
