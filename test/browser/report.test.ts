import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import type { ReportBody } from '../../schemas/reports.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { recordVoortgang } from '../../server/plan/planRepository.ts';
import { PASSWORD } from '../fixtures/beheer/beheerTestSupport.ts';
import {
  axeViolations,
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
// The same in PDF points (1 pt = 1/72 inch): A4 is 595,3 × 841,9 pt, the margin 15 mm = 42,5 pt.
const PDF_MARGIN = 42.52;
const REPORT = '/programma/sterk-voor-noord/rapportage/2026-H1';

let server: TestServer;
let browser: Browser;
let inspanningId: (code: string) => number;

before(async () => {
  server = await startTestServer({
    seed: async (db) => {
      const rows = await db
        .selectFrom('inspanningen')
        .select(['id', 'code'])
        .where('programme_id', '=', 'sterk-voor-noord')
        .execute();
      inspanningId = (code: string) => rows.find((r) => r.code === code)!.id;
      await recordVoortgang(
        db,
        'sterk-voor-noord',
        {
          periode: '2026-H1',
          regels: [
            {
              inspanning: inspanningId('1.6'),
              status: 'loopt',
              toelichting: '19 trajecten lopen',
              besteed: 50000,
            },
            {
              inspanning: inspanningId('3.1'),
              status: 'vertraagd',
              toelichting: 'Tweede consulent later begonnen',
            },
          ],
        },
        { username: 'test', id: null },
      );
      await db
        .insertInto('users')
        .values({
          username: 'anna',
          display_name: 'Anna de Vries',
          role: 'beheerder',
          password_hash: await hashPassword(PASSWORD),
        })
        .execute();
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const api = async <T>(url: string): Promise<T> =>
  (await fetch(`${server.url}/api/v1${url}`)).json() as Promise<T>;

/** [minX, minY, maxX, maxY] of the features whose code is in `codes` (all when absent). */
function boundsOf(collection: FeatureCollection, codes?: Set<string>): number[] {
  const box = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0]!, x!);
      box[1] = Math.min(box[1]!, y!);
      box[2] = Math.max(box[2]!, x!);
      box[3] = Math.max(box[3]!, y!);
    } else if (Array.isArray(c)) for (const d of c) visit(d);
  };
  for (const f of collection.features)
    if (!codes || codes.has(String(f.properties?.code)))
      if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return box;
}

/** Every word Chromium printed, per page, with its box in points (pdftotext -bbox). */
function wordsPerPage(
  pdf: string,
): { width: number; words: { text: string; xMin: number; xMax: number }[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return html
    .split('<page ')
    .slice(1)
    .map((chunk) => ({
      width: Number(/width="([\d.]+)"/.exec(chunk)![1]),
      words: [
        ...chunk.matchAll(
          /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ text: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) })),
    }));
}

/** The images in the PDF (pdfimages -list): page, size in pixels and in points. */
function imagesIn(pdf: string) {
  const lines = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    const [page, , type, width, height] = cells;
    const xppi = Number(cells[12]);
    const yppi = Number(cells[13]);
    return {
      page: Number(page),
      type,
      width: Number(width),
      height: Number(height),
      widthPt: (Number(width) / xppi) * 72,
      heightPt: (Number(height) / yppi) * 72,
    };
  });
}

async function openReport(page: Page, url = REPORT) {
  await page.goto(`${server.url}${url}`);
  await page.getByRole('heading', { name: 'Sterk voor Noord — 1e helft 2026', level: 1 }).waitFor();
}

test('the report of Sterk voor Noord prints to A4: every row and the map within the printable width, the map on one page', async () => {
  const tab = await openPage(browser, { width: PRINTABLE_WIDTH, height: PRINTABLE_HEIGHT });
  try {
    const { page, errors } = tab;
    await openReport(page);
    await waitForMapColoured(page);
    const live = await api<ReportBody>('/programmas/sterk-voor-noord/rapportages/2026-H1');
    assert.equal(
      await page.getByRole('button', { name: 'Rapportage vaststellen' }).count(),
      0,
      'not for the public',
    );
    await page.emulateMedia({ media: 'print' });

    const text = (await page.locator('article.report').textContent()) ?? '';
    assert.match(
      text,
      new RegExp(`Afgedrukt${new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' })}`),
    );
    assert.ok((live.gegevensTot.jaar ?? 0) >= 2023, `newest figure ${live.gegevensTot.periode}`);
    assert.match(text, new RegExp(`nieuwste cijfer in deze rapportage: ${live.gegevensTot.periode};`));
    assert.match(text, /Niet vastgesteld: de cijfers en voortgang van nu/);
    assert.match(text, /6% LV/);
    assert.match(
      text,
      /Plangetal [\d,]+%; Leidschendam-Voorburg nu: /,
      'the reference level beside the plan’s number',
    );
    assert.match(text, /Tegen het niveau van Leidschendam-Voorburg nu: /);
    assert.match(text, /Tegen het plangetal: /);
    assert.match(text, /Tweede consulent later begonnen/);
    assert.match(
      text,
      /Inspanningen \(11\): 0 niet gestart, 1 loopt, 1 vertraagd, 0 afgerond, 0 gestopt, 9 nog zonder voortgang/,
    );
    assert.match(text, /100\.000 euro per jaar/);
    assert.match(text, /€\s50\.000/);
    const volgen = page.getByRole('region', { name: 'Volgen' });
    assert.ok(await volgen.isVisible(), 'the Volgen section prints');
    assert.match((await volgen.textContent()) ?? '', /Arbeidsparticipatie[\s\S]*Nederland/);
    const how = page.getByRole('region', { name: 'Hoe berekend' });
    assert.ok(((await how.textContent()) ?? '').length > 200, '"hoe berekend" printed as text');
    assert.equal(await how.getByRole('link').count(), 0);
    assert.ok(await page.getByRole('region', { name: 'Legenda' }).isVisible());
    const sources = (await page.getByRole('region', { name: 'Bronnen' }).textContent()) ?? '';
    assert.match(sources, /CBS/);
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);

    const rows = page.locator('.report-table tr, .volgen-table tr');
    const count = await rows.count();
    assert.ok(count > 25, `${count} table rows`);
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
    assert.equal(
      await map.locator('.map-panel__map').evaluate((el) => getComputedStyle(el).breakInside),
      'avoid',
    );
    const canvasBox = (await map.locator('canvas').boundingBox())!;
    assert.ok(canvasBox.height < PRINTABLE_HEIGHT, `map is ${canvasBox.height}px high, more than one page`);

    // The map shows figures (not a map of plan baselines, all "geen gegevens") …
    const filled = await map.locator('.area-table tbody tr:not(.is-empty)').count();
    assert.ok(filled >= 2, `${filled} areas with a figure on the map`);
    // … and is fitted to the programme area, not to the gemeente.
    const detail = await api<{ indeling: number; gebieden: { code: string }[] }>(
      '/programmas/sterk-voor-noord',
    );
    const buurten = new Set(detail.gebieden.map((g) => g.code).filter((c) => c.startsWith('BU')));
    const geometry = await api<FeatureCollection>(`/geometrie/${detail.indeling}/buurt?gemeente=GM1916`);
    const fitted = (await page.locator('[data-kaart-uitsnede]').getAttribute('data-kaart-uitsnede'))!
      .split(',')
      .map(Number);
    const programme = boundsOf(geometry, buurten);
    const gemeente = boundsOf(geometry);
    for (const [i, v] of fitted.entries())
      assert.ok(Math.abs(v - programme[i]!) < 1e-6, `fitted ${fitted} ≠ ${programme}`);
    assert.ok(fitted[2]! - fitted[0]! < 0.6 * (gemeente[2]! - gemeente[0]!), 'narrower than the gemeente');

    await saveScreenshot(page, 'rapportage-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const dir = path.join(screenshotDir, 'rapportage-pdf');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'rapportage.pdf');
    await writeFile(file, pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(dir, 'pagina')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    assert.ok(pages.length >= 2 && pages.length <= 14, `${pages.length} A4 pages`);

    // In the PDF itself: no printed word outside the printable width of its page …
    const printed = wordsPerPage(file);
    assert.equal(printed.length, pages.length);
    for (const [index, p] of printed.entries()) {
      const outside = p.words.filter((w) => w.xMin < PDF_MARGIN - 1 || w.xMax > p.width - PDF_MARGIN + 1);
      assert.deepEqual(
        outside.map((w) => w.text),
        [],
        `page ${index + 1}: words outside the margins`,
      );
    }
    // … and the map (the one large image, the drawn canvas) on exactly one page, whole and within the width.
    const mapImages = imagesIn(file).filter((image) => image.width > 300 && image.height > 200);
    assert.equal(mapImages.length, 1, `map images: ${JSON.stringify(mapImages)}`);
    const [image] = mapImages;
    assert.ok(image!.widthPt <= 595.28 - 2 * PDF_MARGIN + 1, `map ${image!.widthPt}pt wide`);
    assert.ok(image!.heightPt <= 841.89 - 2 * PDF_MARGIN, `map ${image!.heightPt}pt high`);
    const captionPages = printed.flatMap((p, i) =>
      p.words.some((w) => w.text === 'ingezoomd') ? [i + 1] : [],
    );
    assert.deepEqual(captionPages, [image!.page], 'the map’s caption on the map’s page');
    assert.deepEqual(errors, []);
  } finally {
    await tab.close();
  }
});

test('the report reads on a screen of 1366 px and reflows at 320 px without sideways scrolling', async () => {
  for (const width of [1366, 320]) {
    const tab = await openPage(browser, { width, height: 900 });
    try {
      const { page, errors } = tab;
      // The programme page links to the report of its half year.
      await page.goto(`${server.url}/programma/sterk-voor-noord`);
      await page.getByRole('link', { name: 'Voortgangsrapportage 1e helft 2026' }).click();
      await page.getByRole('heading', { name: 'Sterk voor Noord — 1e helft 2026', level: 1 }).waitFor();
      await waitForMapColoured(page);
      await saveScreenshot(page, `rapportage-${width}`, { fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('article.report *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      );
      assert.ok(overflow <= 0, `${width}px: ${overflow}px sideways scroll (${wide.join('; ')})`);
      assert.deepEqual(await axeViolations(page), []);
      // Screen-sized views to look at, beside the full page.
      await saveScreenshot(page, `rapportage-${width}-boven`, { fullPage: false });
      for (const [name, locator] of [
        ['kaart', page.locator('figure.report-map')],
        ['volgen', page.getByRole('heading', { name: 'Volgen', level: 2 })],
        ['inspanningen', page.getByRole('heading', { name: 'Inspanningen', level: 2 })],
      ] as const) {
        await locator.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await saveScreenshot(page, `rapportage-${width}-${name}`, { fullPage: false });
      }
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  }
});

test('a beheerder vaststellen the report; later voortgang changes the live report and not the vastgestelde', async () => {
  const tab = await openPage(browser, { width: 1366, height: 900 });
  try {
    const { page, errors } = tab;
    await page.goto(`${server.url}/beheer`);
    await page.getByLabel('Gebruikersnaam').fill('anna');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Ingelogd als').waitFor();
    errors.length = 0; // the login page asks for a session first and gets its 401

    await openReport(page);
    await page.getByRole('button', { name: 'Rapportage vaststellen' }).click();
    const yes = page.getByRole('button', { name: 'Ja, vaststellen' });
    assert.ok(await yes.evaluate((el) => el === document.activeElement), 'focus moves to the confirmation');
    await yes.click();
    await page.waitForURL(`**${REPORT}/vastgesteld/1`);
    await page.getByText(/Vastgesteld op .* \(versie 1\)/).waitFor();
    assert.match((await page.locator('article.report').textContent()) ?? '', /19 trajecten lopen/);
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'rapportage-vastgesteld', { fullPage: false });

    await recordVoortgang(
      server.db,
      'sterk-voor-noord',
      {
        periode: '2026-H1',
        regels: [
          { inspanning: inspanningId('1.6'), status: 'afgerond', toelichting: 'Alle 30 trajecten klaar' },
        ],
      },
      { username: 'test', id: null },
    );
    await page.goto('about:blank'); // the client caches responses per page life
    await openReport(page);
    const changes = page.getByRole('region', { name: /Wat is veranderd sinds de rapportage 1e helft 2026/ });
    await changes.waitFor();
    const changed = (await changes.textContent()) ?? '';
    assert.match(changed, /1\.6 .*Loopt.*Afgerond/s);
    assert.match(changed, /Alle 30 trajecten klaar/);
    await changes.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'rapportage-veranderd', { fullPage: false });

    await page.goto('about:blank');
    await openReport(page, `${REPORT}/vastgesteld/1`);
    const frozen = (await page.locator('article.report').textContent()) ?? '';
    assert.match(frozen, /19 trajecten lopen/);
    assert.doesNotMatch(frozen, /Alle 30 trajecten klaar/);
    assert.deepEqual(errors, []);
  } finally {
    await tab.close();
  }
});
