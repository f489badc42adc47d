import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  NARROW,
  openDashboard,
  openPage,
  saveScreenshot,
  screenshotDir,
  sidewaysScroll,
  startTestServer,
  type TestServer,
  WIDE,
} from '../support/browser.ts';

// Issue 8, item 7: the dashboard's "Volgen" section — the plan's monitoring indicators per focus
// area, in a real table with headers, trend in words and arrow, "nog geen cijfers" with the source.

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

const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

test('the Volgen section shows each monitoring indicator with its focus areas, at 1366 and 320 px', async () => {
  for (const size of [WIDE, NARROW]) {
    const tab = await openPage(browser, size);
    try {
      const { page } = tab;
      await openDashboard(page, server);
      const section = page.getByRole('region', { name: 'Volgen' });
      await section.getByRole('heading', { name: 'Volgen', level: 2 }).waitFor();
      const tables = section.getByRole('table');
      // Three monitoring indicators: one with figures (a table), two without (a heading and the source).
      assert.equal(await tables.count(), 1);
      assert.equal(await section.getByRole('heading', { level: 3 }).count(), 2);
      for (const header of ['Gebied', 'Laatste', 'Wijk', 'Gemeente', 'Nederland', 'Sinds het eerste jaar'])
        assert.equal(
          await tables.first().getByRole('columnheader', { name: header, exact: true }).count(),
          1,
        );

      const arbeid = section.getByRole('table', { name: /Arbeidsparticipatie/ });
      assert.match(
        clean(await arbeid.locator('caption').textContent()),
        /Verwante reeks \(andere definitie\)/,
      );
      const rows = arbeid.getByRole('row');
      assert.equal(await rows.count(), 5, 'header row + four focus areas');
      const prinsenhofHoog = clean(await arbeid.getByRole('row', { name: /Prinsenhof hoog/ }).textContent());
      assert.match(prinsenhofHoog, /60% \(2023\)/);
      assert.match(prinsenhofHoog, /gestegen, gunstig: 58% \(2019\) → 60% \(2023\)/, 'trend in words');
      assert.match(prinsenhofHoog, /61% \(2023\)Prinsenhof/, 'the wijk beside it');
      assert.match(prinsenhofHoog, /69% \(2023\)Leidschendam-Voorburg/, 'the gemeente');
      assert.match(prinsenhofHoog, /71% \(2023\)Nederland/, 'Nederland');

      for (const name of [/vrijwilligerswerk/, /mee kan doen/]) {
        const group = section.locator('.volgen__empty').filter({ has: page.getByRole('heading', { name }) });
        assert.match(
          clean(await group.textContent()),
          /Nog geen cijfers voor .*Te laden uit: Gemeente, Wijkatlas \(enquête\)\./,
        );
      }

      await saveScreenshot(page, `volgen-dashboard-${size.width}`);
      await section.screenshot({ path: path.join(screenshotDir, `volgen-section-${size.width}.png`) });
      if (size === NARROW) {
        const scroll = await sidewaysScroll(page);
        assert.equal(scroll.scrolls, false, `${scroll.pageWidth} px wide: ${scroll.culprits.join(', ')}`);
      }
      // Keyboard: the sources open from the keyboard.
      const summary = section.getByText('Bronnen', { exact: false }).first();
      await summary.focus();
      await page.keyboard.press('Enter');
      assert.match(clean(await section.locator('details[open]').first().textContent()), /CBS 86089NED/);
      assert.deepEqual(await axeViolations(page), [], `axe at ${size.width} px`);
      assert.deepEqual(tab.errors, []);
    } finally {
      await tab.close();
    }
  }
});

test('the area profile of a focus buurt shows the programme’s Volgen rows for that buurt only', async () => {
  for (const size of [WIDE, NARROW]) {
    const tab = await openPage(browser, size);
    try {
      const { page } = tab;
      await page.goto(`${server.url}/gebied/BU19160200`);
      const section = page.getByRole('region', { name: 'Volgen in Sterk voor Noord' });
      await section.getByRole('table').first().waitFor({ timeout: 30_000 });
      const rows = section.getByRole('table').first().locator('tbody tr');
      assert.equal(await rows.count(), 1, 'one row: this buurt');
      assert.match(
        clean(await rows.first().textContent()),
        /Prinsenhof hoog.*\(2023\).*Leidschendam-Voorburg.*Nederland/,
      );
      assert.doesNotMatch(clean(await section.textContent()), /Heuvel Noord/);
      await section.screenshot({ path: path.join(screenshotDir, `volgen-profiel-${size.width}.png`) });
      if (size === NARROW) {
        const scroll = await sidewaysScroll(page);
        assert.equal(scroll.scrolls, false, `${scroll.pageWidth} px wide: ${scroll.culprits.join(', ')}`);
      }
      assert.deepEqual(await axeViolations(page), [], `axe at ${size.width} px`);
      assert.deepEqual(tab.errors, []);
    } finally {
      await tab.close();
    }
  }
  // A buurt outside the programme area has no Volgen section of that programme.
  const tab = await openPage(browser, WIDE);
  try {
    await tab.page.goto(`${server.url}/gebied/BU19160300`);
    await tab.page.getByRole('heading', { level: 1 }).waitFor();
    await tab.page
      .getByRole('region', { name: /Vergelijking|Indicatoren/ })
      .first()
      .waitFor();
    assert.equal(await tab.page.getByRole('region', { name: 'Volgen in Sterk voor Noord' }).count(), 0);
  } finally {
    await tab.close();
  }
});
