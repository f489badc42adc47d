import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import {
  axeViolations,
  launchBrowser,
  logInToBeheer,
  NARROW,
  openPage,
  saveScreenshot,
  sidewaysScroll,
  startTestServer,
  type TestServer,
  WIDE,
  waitForMapColoured,
} from '../support/browser.ts';

// WCAG 1.4.10 reflow: at 320 px wide (a 1280 px window at 400% zoom) no page scrolls sideways as a
// whole; and every page passes axe, including label-content-name-mismatch and heading-order.
// Screenshots of every page at 1366 and 320 px go to test-results/screenshots/ (reflow-*).

const PASSWORD = 'een-lang-genoeg-wachtwoord';

interface PageUnderTest {
  name: string;
  path: string;
  beheer?: boolean;
  /** Resolves when the page shows what it is for. */
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { name, level: 1 }).first().waitFor();
};

const PAGES: PageUnderTest[] = [
  {
    name: 'dashboard',
    path: '/',
    ready: async (page) => page.getByRole('heading', { name: 'Doelen en voortgang' }).waitFor(),
  },
  {
    name: 'kaart',
    path: '/kaart',
    ready: async (page) => {
      await heading('Kaart')(page);
      await waitForMapColoured(page);
    },
  },
  {
    name: 'gebied',
    path: '/gebied/BU19160200',
    ready: async (page) =>
      page
        .getByRole('heading', { name: /Vergelijking/ })
        .first()
        .waitFor(),
  },
  { name: 'gebieden', path: '/gebied', ready: heading(/Gebied/) },
  { name: 'data', path: '/data', ready: heading('Data') },
  {
    name: 'beheer-inloggen',
    path: '/beheer',
    ready: async (page) => page.getByRole('heading', { name: 'Inloggen voor beheer' }).waitFor(),
  },
  { name: 'beheer-upload', path: '/beheer/upload', beheer: true, ready: heading(/Cijfers inlezen/) },
  { name: 'beheer-imports', path: '/beheer/imports', beheer: true, ready: heading(/Imports/) },
  {
    name: 'beheer-streefwaarden',
    path: '/beheer/streefwaarden',
    beheer: true,
    ready: async (page) =>
      page
        .getByRole('button', { name: /^Wijzigen/ })
        .first()
        .waitFor(),
  },
  { name: 'beheer-gebruikers', path: '/beheer/gebruikers', beheer: true, ready: heading(/Gebruikers/) },
  { name: 'beheer-audit', path: '/beheer/audit', beheer: true, ready: heading(/Audit/) },
];

describe('every page reflows at 320 px and passes axe', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer({
      seed: async (db) => {
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

  for (const target of PAGES) {
    it(`${target.path} (${target.name}): no sideways page scroll at 320 px, axe clean, screenshots`, async () => {
      for (const size of [WIDE, NARROW]) {
        const tab = await openPage(browser, size);
        try {
          const { page } = tab;
          if (target.beheer) await logInToBeheer(page, server, 'anna', PASSWORD);
          await page.goto(`${server.url}${target.path}`);
          await target.ready(page);
          await saveScreenshot(page, `reflow-${target.name}-${size.width}`);
          if (size === NARROW) {
            const scroll = await sidewaysScroll(page);
            assert.equal(
              scroll.scrolls,
              false,
              `${target.path} is ${scroll.pageWidth} px wide at 320 px: ${scroll.culprits.join(', ')}`,
            );
          }
          assert.deepEqual(await axeViolations(page), [], `${target.path} at ${size.width} px`);
          // Before logging in, /beheer asks who is logged in and hears 401: that is not an error.
          assert.deepEqual(
            tab.errors.filter((e) => !/status of 401/.test(e)),
            [],
          );
        } finally {
          await tab.close();
        }
      }
    });
  }

  it('/kaart at 320 px: the area table fits its box, every "Kies" button whole on screen', async () => {
    const tab = await openPage(browser, NARROW);
    try {
      const { page } = tab;
      await page.goto(`${server.url}/kaart`);
      await waitForMapColoured(page);
      const fit = await page.evaluate(() => {
        const box = document.querySelector('.area-table')!.parentElement!;
        const cut = [...document.querySelectorAll('.area-table button')].filter(
          (b) => b.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5,
        );
        return { client: box.clientWidth, scroll: box.scrollWidth, cut: cut.length };
      });
      assert.equal(fit.scroll, fit.client, `the table is ${fit.scroll} px in a ${fit.client} px box`);
      assert.equal(fit.cut, 0, 'buttons cut off at the right');
    } finally {
      await tab.close();
    }
  });
});
