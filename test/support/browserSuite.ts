import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  startTestServer,
  type TestPage,
  type TestServer,
  type TestServerOptions,
} from './browser.ts';

// The lifecycle every browser test file shares: one real server over a fresh database and one
// Chromium for the file, started before its first test and closed after its last.

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh page (own context, cookies and storage); closed with the suite if not before. */
  newPage(options?: { width?: number; height?: number }): Promise<TestPage>;
}

export interface BrowserSuiteOptions extends TestServerOptions {}

/** Call once at the top of a test file; the handle's server and browser exist from the first test on. */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pages: TestPage[] = [];
  before(async () => {
    server = await startTestServer(options);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const page of pages) await page.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The browser suite's ${what} is used before the suite started`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async newPage(size) {
      const page = await openPage(ready(browser, 'browser'), size);
      pages.push(page);
      return page;
    },
  };
}
