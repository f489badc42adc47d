import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { findInspanningIds, recordVoortgang } from '../../server/plan/planRepository.ts';
import {
  axeViolations,
  launchBrowser,
  openPage,
  saveScreenshot,
  startTestServer,
  type TestServer,
  withPage,
} from '../support/browser.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({
    seed: async (db) => {
      const byCode = new Map(
        (
          await db
            .selectFrom('inspanningen')
            .select(['id', 'code'])
            .where('programme_id', '=', 'sterk-voor-noord')
            .execute()
        ).map((row) => [row.code, row.id]),
      );
      assert.equal((await findInspanningIds(db, 'sterk-voor-noord')).size, 24);
      const actor = { username: 'test', id: null };
      await recordVoortgang(
        db,
        'sterk-voor-noord',
        {
          periode: '2025-H2',
          regels: [
            { inspanning: byCode.get('1.6')!, status: 'loopt', outputGerealiseerd: 12, besteed: 48000 },
            {
              inspanning: byCode.get('3.1')!,
              status: 'vertraagd',
              toelichting: 'Tweede consulent later begonnen',
            },
          ],
        },
        actor,
      );
      await recordVoortgang(
        db,
        'sterk-voor-noord',
        {
          periode: '2026-H1',
          regels: [
            { inspanning: byCode.get('1.6')!, status: 'loopt', outputGerealiseerd: 19, besteed: 50000 },
          ],
        },
        actor,
      );
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the programme page shows the doelen tree, per doel its result rows and inspanningen, and the timeline', async () => {
  await withPage(browser, async ({ page, errors }) => {
    await page.goto(`${server.url}/programma/sterk-voor-noord`);
    await page.getByRole('heading', { name: 'Sterk voor Noord', level: 1 }).waitFor();
    await page
      .getByRole('heading', { name: /1 Meer wijkbewoners krijgen laagdrempelige financiële hulp/, level: 2 })
      .waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: /^\d Meer wijkbewoners/ }).count(), 3);
    const acties1 = page.getByRole('table', { name: 'Inspanningen bij 1' });
    assert.equal(await acties1.getByRole('row').count(), 1 + 7);
    const jongeren = acties1.getByRole('row', { name: /Aanbod voor jongeren in de schulden/ });
    const text = ((await jongeren.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text, /2022-2025/);
    assert.match(text, /Gemeente, Kredietbank Nederland/);
    assert.match(text, /100\.000 euro per jaar/);
    assert.match(text, /besteed: € 98\.000/);
    assert.match(text, /Loopt \(1e helft 2026\)/);
    assert.match(text, /19 van 30 trajecten/);
    const results = page.getByRole('table', { name: 'Resultaten' }).first();
    assert.match((await results.textContent()) ?? '', /6% LV/);
    const timeline = page.getByRole('table', { name: 'Inspanningen per half jaar' });
    const werk = timeline.getByRole('row', { name: /Begeleiding naar werk/ });
    const cells = await werk.getByRole('cell').allTextContents();
    assert.ok(
      cells.some((c) => /vertraagd/.test(c)),
      'the recorded status appears in its half year',
    );
    assert.ok(cells.some((c) => c.trim() === 'gepland'));
    assert.match((await page.getByText(/Stand: 1e helft 2026/).textContent()) ?? '', /24 inspanningen/);
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'programma-sterk-voor-noord-1366');
    await saveScreenshot(page, 'programma-sterk-voor-noord-1366-boven', { fullPage: false });
    await acties1.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'programma-sterk-voor-noord-1366-doel1', { fullPage: false });
    await timeline.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'programma-tijdlijn-1366', { fullPage: false });
    assert.deepEqual(errors, []);
  });
});

test('filters by partner and by buurt in the URL, and back shows all again', async () => {
  await withPage(browser, async ({ page }) => {
    await page.goto(`${server.url}/programma/sterk-voor-noord`);
    await page.getByLabel('Wat doet mijn organisatie?').selectOption({ label: 'Inholland' });
    await page.waitForURL(/partner=\d+/);
    await page.getByText(/1 inspanningen in deze selectie/).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Inspanningen bij 1' }).getByRole('row').count(), 2);
    await page.getByRole('button', { name: 'Alle inspanningen tonen' }).click();
    await page.getByText(/24 inspanningen\./).waitFor();
    await page.getByLabel('Wat gebeurt er in mijn buurt?').selectOption({ label: 'Voorburg West zuid' });
    await page.getByText(/0 inspanningen in deze selectie/).waitFor();
    await page.getByLabel('Wat gebeurt er in mijn buurt?').selectOption({ label: 'Prinsenhof hoog' });
    await page.getByText(/24 inspanningen in deze selectie/).waitFor();
  });
});

test('a programme without targets renders its doelen, volgen rows, budget with the printed-total warning', async () => {
  await withPage(browser, async ({ page, errors }) => {
    await page.goto(`${server.url}/programma/leidse-gelijke-kansen-aanpak`);
    await page.getByRole('heading', { name: 'Leidse Gelijke Kansen Aanpak', level: 1 }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: /Actielijn/ }).count(), 3);
    assert.equal(
      await page
        .getByRole('heading', { level: 3 })
        .filter({ hasText: /^\d\.\d / })
        .count(),
      9,
    );
    await page.getByText('volgen, geen streefwaarde').first().waitFor();
    await page.getByText(/Let op: in het plan tellen de regels niet op/).waitFor();
    await page.getByText('Er is nog geen voortgang vastgelegd.', { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'programma-gelijke-kansen-1366');
    assert.deepEqual(errors, []);
  });
});

test('at 320 px the page reflows: nothing wider than the viewport but the scrollable tables', async () => {
  const tab = await openPage(browser, { width: 320, height: 800 });
  try {
    const { page } = tab;
    await page.goto(`${server.url}/programma/social-impact-leiden`);
    await page.getByRole('heading', { name: 'Programma social impact 2022-2023', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Inspanningen per half jaar' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    const timeline = page.getByRole('region', { name: 'Tijdlijn, scrollt horizontaal' });
    await timeline.focus();
    assert.ok(await timeline.evaluate((el) => el === document.activeElement));
    await saveScreenshot(page, 'programma-social-impact-320');
    await saveScreenshot(page, 'programma-social-impact-320-boven', { fullPage: false });
    await page.getByRole('table', { name: 'Inspanningen bij 2a' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'programma-social-impact-320-inspanningen', { fullPage: false });
  } finally {
    await tab.close();
  }
});

test('the area profile says what happens in the buurt and links to the filtered programme page', async () => {
  await withPage(browser, async ({ page, errors }) => {
    await page.goto(`${server.url}/gebied/BU19160200`);
    const section = page.getByRole('region', { name: 'Wat gebeurt er in Prinsenhof hoog?' });
    await section.waitFor();
    assert.match((await section.textContent()) ?? '', /Aanbod voor jongeren in de schulden/);
    assert.match((await section.textContent()) ?? '', /Ook al in het gebied: Spreekuur Sociaal Servicepunt/);
    await section.getByRole('link', { name: 'Sterk voor Noord' }).click();
    await page.waitForURL(/\/programma\/sterk-voor-noord\?gebied=BU19160200/);
    await page.getByText(/24 inspanningen in deze selectie/).waitFor();
    await saveScreenshot(page, 'gebied-wat-gebeurt-er', { fullPage: false });
    assert.deepEqual(errors, []);
  });
});
