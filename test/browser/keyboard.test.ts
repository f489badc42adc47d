import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  focusedElement,
  launchBrowser,
  openMapExplorer,
  startTestServer,
  type TestServer,
  withPage,
} from '../support/browser.ts';

// The map with the keyboard only: the focused map shows where focus is, and the area table (a link
// and a button per area) can be passed in one step.

describe('the map with the keyboard', () => {
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

  it('draws a visible focus ring around the focused map, outside the box that clips the canvas', () =>
    withPage(browser, async ({ page }) => {
      await openMapExplorer(page, server);
      // Tab until the map canvas has focus, as a keyboard user gets there.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))) break;
      }
      const ring = await page.evaluate(() => {
        const canvas = document.activeElement as HTMLElement;
        const map = canvas.closest('.map') as HTMLElement;
        const style = getComputedStyle(map);
        return {
          onCanvas: canvas.classList.contains('maplibregl-canvas'),
          style: style.outlineStyle,
          width: Number.parseFloat(style.outlineWidth),
          clipped: getComputedStyle(map.parentElement!).overflow !== 'visible',
        };
      });
      assert.ok(ring.onCanvas, 'the map canvas takes focus by Tab');
      assert.equal(ring.style, 'solid');
      assert.ok(ring.width >= 2, `outline ${ring.width} px`);
      assert.equal(ring.clipped, false, 'nothing around the map clips its outline');
    }));

  it('offers "Sla de tabel over" before the area table, landing after the table, not on <body>', () =>
    withPage(browser, async ({ page }) => {
      await openMapExplorer(page, server);
      const skip = page.getByRole('button', { name: /^Sla de tabel over/ });
      await skip.focus();
      assert.ok(await skip.isVisible(), 'the skip button shows when it has focus');
      await page.keyboard.press('Enter');
      const focused = await focusedElement(page);
      assert.notEqual(focused.tag, 'body');
      const insideTable = await page.evaluate(() => Boolean(document.activeElement?.closest('.area-table')));
      assert.equal(insideTable, false, `focus on ${JSON.stringify(focused)} is past the table`);
    }));
});
