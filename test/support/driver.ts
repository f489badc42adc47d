import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  findAreaByKeyboard,
  openProfile,
  saveScreenshot,
  type TestPage,
  waitForMapColoured,
} from './browser.ts';
import type { BrowserSuite } from './browserSuite.ts';

// A given / when / then driver (after maputnik's): tests say what a user has, does and sees, in
// the words of the page; how that is done in Chromium is written here, once.
//
//   const suite = browserSuite();
//   const { given, when, then } = driver(suite);
//   given.programme('sterk-voor-noord');
//   await when.userOpensDashboard();
//   await then.rowStatus('Huishoudens met een bijstandsuitkering', 'Prinsenhof hoog', 'onvoldoende gegevens');
//
// One driver keeps one page: create it at file level to walk on through the tests, or inside a
// test for a fresh page (own cookies and storage) per test.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (text: string | RegExp) =>
  typeof text === 'string' ? new RegExp(escapeRegExp(text), 'i') : text;
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export function driver(suite: BrowserSuite) {
  let programmeId: string | null = null;
  let tab: TestPage | null = null;
  const page = async (): Promise<Page> => {
    tab ??= await suite.newPage();
    return tab.page;
  };
  const current = (): TestPage => {
    if (!tab) throw new Error('No page yet: start with a when.userOpens…() step');
    return tab;
  };
  /** The scorecard table of one indicator (its caption starts with the indicator's name). */
  const scorecard = (p: Page, indicator: string) =>
    p
      .getByRole('table', { name: new RegExp(`^${escapeRegExp(indicator)}`, 'i') })
      .filter({ has: p.getByRole('columnheader', { name: 'Doel 10 jaar' }) })
      .first();
  const rowOf = async (indicator: string, area: string) => {
    const table = scorecard(current().page, indicator);
    const row = table.getByRole('row', { name: new RegExp(escapeRegExp(area)) }).first();
    await row.waitFor();
    return { table, row };
  };

  const given = {
    /** The programme the dashboard shows (its id, as in the URL). */
    programme(id: string) {
      programmeId = id;
    },
  };

  const when = {
    async userOpensDashboard() {
      const p = await page();
      await p.goto(
        `${suite.server.url}/${programmeId ? `?programma=${encodeURIComponent(programmeId)}` : ''}`,
      );
      await p.getByRole('heading', { level: 1 }).first().waitFor();
      await p.getByRole('heading', { name: 'Doelen en voortgang' }).waitFor();
    },
    async userOpensProfileOf(areaCode: string) {
      await openProfile(await page(), suite.server, areaCode);
    },
    async userOpensAreaIndex() {
      const p = await page();
      await p.goto(`${suite.server.url}/gebied`);
      await p.getByRole('heading', { level: 1 }).waitFor();
    },
    async userChoosesHorizon(years: 10 | 20) {
      const p = current().page;
      await p.getByRole('radio', { name: `${years} jaar` }).check();
      await p.waitForURL(new RegExp(`horizon=${years}`));
    },
    async userGoesBack() {
      await current().page.goBack();
    },
    /** Types into the area search and chooses the option with the keyboard alone. */
    async userSearchesArea(typed: string, option: string | RegExp) {
      await findAreaByKeyboard(current().page, typed, option);
    },
    async userOpensHowCalculated(cardName: string) {
      const card = current().page.getByRole('region', { name: cardName, exact: true });
      await card.getByText('Hoe berekend', { exact: false }).first().click();
    },
  };

  const then = {
    async heading(name: string | RegExp, level = 1) {
      await current().page.getByRole('heading', { name, level }).waitFor();
    },
    async urlShows(pattern: RegExp) {
      await current().page.waitForURL(pattern);
    },
    /** The row of `area` in the indicator's scorecard shows this status in words. */
    async rowStatus(indicator: string, area: string, status: string) {
      const { table, row } = await rowOf(indicator, area);
      const headers = await table.getByRole('columnheader').allTextContents();
      const column = headers.findIndex((h) => /^status/i.test(h.trim()));
      assert.notEqual(column, -1, `the ${indicator} table has a status column`);
      const cell = squash(await row.locator(':scope > th, :scope > td').nth(column).textContent());
      assert.match(cell, words(status), `status of ${area} for ${indicator}`);
    },
    /** The row of `area` in the indicator's scorecard reads each of these. */
    async rowReads(indicator: string, area: string, ...texts: Array<string | RegExp>) {
      const { row } = await rowOf(indicator, area);
      const text = squash(await row.textContent());
      for (const t of texts) assert.match(text, words(t), `${area} for ${indicator}`);
    },
    async scorecardCount(count: number) {
      const p = current().page;
      const tables = p
        .getByRole('table')
        .filter({ has: p.getByRole('columnheader', { name: 'Doel 10 jaar' }) });
      assert.equal(await tables.count(), count);
    },
    async statusColumnFor(years: 10 | 20) {
      await current()
        .page.getByRole('columnheader', { name: `Status (${years} jaar)` })
        .first()
        .waitFor();
    },
    async mapIsShadedWithLegendAndOutline(mapName: RegExp) {
      const p = current().page;
      await waitForMapColoured(p);
      await p.getByRole('figure', { name: /Legenda/ }).waitFor();
      assert.ok(await p.getByText('Gestippelde rand: programmagebied').isVisible());
      assert.ok(await p.getByRole('region', { name: mapName }).isVisible());
    },
    /** The comparison table of the profile: its column headers and the row that starts with `indicator`. */
    async comparisonReads(area: string, headers: string[], indicator: string, reads: RegExp) {
      const table = current().page.getByRole('table', {
        name: new RegExp(`${escapeRegExp(area)} vergeleken met`),
      });
      const seen = await table.getByRole('columnheader').allInnerTexts();
      assert.deepEqual(
        seen.map((h) => h.trim().toLowerCase()),
        headers.map((h) => h.toLowerCase()),
      );
      const row = squash(
        await table.getByRole('row', { name: new RegExp(`^${escapeRegExp(indicator)}`) }).textContent(),
      );
      assert.match(row, reads);
    },
    /** The open "hoe berekend" part of a card reads each of these. */
    async howCalculatedReads(cardName: string, ...texts: RegExp[]) {
      const card = current().page.getByRole('region', { name: cardName, exact: true });
      const text = squash(await card.locator('details[open]').first().textContent());
      for (const t of texts) assert.match(text, t);
    },
    async chartShown(name: RegExp) {
      assert.ok(await current().page.getByRole('img', { name }).isVisible());
    },
    async textShown(text: string | RegExp) {
      await current().page.getByText(text).first().waitFor();
    },
    /** axe (WCAG 2.1 AA and the extra rules) finds nothing; a screenshot is kept under that name. */
    async noAccessibilityViolations(screenshot?: string) {
      const p = current().page;
      if (screenshot) await saveScreenshot(p, screenshot);
      assert.deepEqual(await axeViolations(p), []);
    },
    async noConsoleErrors() {
      assert.deepEqual(current().errors, []);
    },
  };

  return { given, when, then };
}
