import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { recordVoortgang } from '../../server/plan/planRepository.ts';
import {
  launchBrowser,
  openPage,
  saveScreenshot,
  screenshotDir,
  startTestServer,
  type TestServer,
  waitForMapColoured,
} from '../support/browser.ts';

// The council report of Sterk voor Noord printed to PDF by Chromium on A4 with 15 mm margins:
// printable width 180 mm = 680 CSS px, printable height 267 mm ≈ 1009 CSS px.
const PRINTABLE_WIDTH = 680;
const PRINTABLE_HEIGHT = 1009;

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({
    seed: async (db) => {
      const rows = await db
        .selectFrom('inspanningen')
        .select(['id', 'code'])
        .where('programme_id', '=', 'sterk-voor-noord')
        .execute();
      const id = (code: string) => rows.find((r) => r.code === code)!.id;
      await recordVoortgang(
        db,
        'sterk-voor-noord',
        {
          periode: '2026-H1',
          regels: [
            { inspanning: id('1.6'), status: 'loopt', toelichting: '19 trajecten lopen', besteed: 50000 },
            { inspanning: id('3.1'), status: 'vertraagd', toelichting: 'Tweede consulent later begonnen' },
          ],
        },
        { username: 'test', id: null },
      );
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the report of Sterk voor Noord prints to A4: every row and the map within the printable width, the map on one page', async () => {
  const tab = await openPage(browser, { width: PRINTABLE_WIDTH, height: PRINTABLE_HEIGHT });
  try {
    const { page, errors } = tab;
    await page.goto(`${server.url}/programma/sterk-voor-noord/rapportage/2026-H1`);
    await page.getByRole('heading', { name: 'Sterk voor Noord — 1e helft 2026', level: 1 }).waitFor();
    await waitForMapColoured(page);
    await page.emulateMedia({ media: 'print' });

    const text = (await page.locator('article.report').textContent()) ?? '';
    assert.match(text, /Afgedrukt/);
    assert.match(text, /cijfers tot en met \d{4}/);
    assert.match(text, /6% LV/);
    assert.match(text, /Leidschendam-Voorburg nu:/, 'the reference level beside the plan’s number');
    assert.match(text, /Tweede consulent later begonnen/);
    assert.match(
      text,
      /Inspanningen \(11\): 0 niet gestart, 1 loopt, 1 vertraagd, 0 afgerond, 0 gestopt, 9 nog zonder voortgang/,
    );
    assert.match(text, /100\.000 euro per jaar/);
    assert.match(text, /€\s50\.000/);
    const how = page.getByRole('region', { name: 'Hoe berekend' });
    assert.ok((((await how.textContent()) ?? '').length ?? 0) > 200, '"hoe berekend" printed as text');
    assert.equal(await how.getByRole('link').count(), 0);
    assert.ok(await page.getByRole('region', { name: 'Legenda' }).isVisible());
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);

    const rows = page.locator('.report-table tr');
    const count = await rows.count();
    assert.ok(count > 20, `${count} table rows`);
    for (let index = 0; index < count; index += 1) {
      const box = (await rows.nth(index).boundingBox())!;
      assert.ok(
        box.x >= 0 && box.x + box.width <= PRINTABLE_WIDTH + 1,
        `row ${index} ends at ${box.x + box.width}px`,
      );
    }
    const map = page.locator('figure.report-map');
    const mapBox = (await map.boundingBox())!;
    assert.ok(mapBox.x + mapBox.width <= PRINTABLE_WIDTH + 1, `map ends at ${mapBox.x + mapBox.width}px`);
    assert.ok(mapBox.height < PRINTABLE_HEIGHT, `map is ${mapBox.height}px high, more than one page`);
    assert.equal(await map.evaluate((el) => getComputedStyle(el).breakInside), 'avoid');

    await saveScreenshot(page, 'rapportage-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const dir = path.join(screenshotDir, 'rapportage-pdf');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'rapportage.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      path.join(dir, 'rapportage.pdf'),
      path.join(dir, 'pagina'),
    ]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    assert.ok(pages.length >= 2 && pages.length <= 12, `${pages.length} A4 pages`);
    assert.deepEqual(errors, []);
  } finally {
    await tab.close();
  }
});
