import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/createDatabase.ts';
import { createLogger } from '../../server/logger.ts';
import { sharedDataDir } from './sharedData.ts';
import { createTestDatabase } from './testDatabase.ts';

// The driver layer of the browser tests: a real server over a fresh database, a real Chromium, and
// helpers that act like a user (by role and label). Tests say what a user does; this file says how.

const root = path.resolve(import.meta.dirname, '..', '..');
const clientIndex = path.join(root, 'dist', 'client', 'index.html');
export const screenshotDir = path.join(root, 'test-results', 'screenshots');

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  db: Db;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** A directory shaped like ../shared/data to load at start-up; null loads nothing. Default: ../shared/data. */
  dataDir?: string | null;
  /** Extra environment for readConfig (e.g. BUURTPEIL_BASEMAP_STYLE_URL). */
  env?: NodeJS.ProcessEnv;
  /** Runs after start-up loading and before the server listens: insert extra rows here. */
  seed?: (db: Db) => Promise<void>;
}

/** The production client must be built; build it once when it is not (CI builds it before the tests). */
export function ensureClientBuilt(): void {
  if (existsSync(clientIndex)) return;
  execFileSync('npm', ['run', '--silent', 'build:client'], { cwd: root, stdio: 'inherit' });
}

/**
 * The real server (API + built client) on a random port over a fresh test database, loaded the way
 * `npm start` loads it: bootstrap() with BUURTPEIL_DATA_DIR pointing at the shared CBS/PDOK files.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  ensureClientBuilt();
  const database = await createTestDatabase();
  const dataDir = options.dataDir === undefined ? sharedDataDir : options.dataDir;
  const config = {
    ...readConfig({ ...options.env, LOG_LEVEL: 'silent', BUURTPEIL_INSECURE_COOKIES: 'true' }),
    databaseUrl: database.databaseUrl,
    sourceDataDir: dataDir ?? undefined,
    host: '127.0.0.1',
    port: 0,
  };
  const logger = createLogger('silent');
  await bootstrap({ db: database.db, config, logger });
  if (options.seed) await options.seed(database.db);
  const app = createApp({ db: database.db, config, logger });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.destroy();
    },
  };
}

/**
 * Flags for the system Chromium (/usr/bin/chromium) in a container: no sandbox (we run as root),
 * no background traffic, and WebGL through SwiftShader (software) so MapLibre can draw without a GPU.
 * `--enable-unsafe-swiftshader` keeps WebGL available where newer Chromium versions would refuse
 * SwiftShader as a fallback.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(options: { headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Messages the page logged as errors, and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (no shared cache or cookies) with a desktop viewport and Dutch locale. */
/** Runs one test's steps in a fresh page (own context, cookies and storage) and closes it afterwards. */
export async function withPage(browser: Browser, run: (tab: TestPage) => Promise<void>): Promise<void> {
  const tab = await openPage(browser);
  try {
    await run(tab);
  } finally {
    await tab.close();
  }
}

export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1360, height: options.height ?? 900 },
    locale: 'nl-NL',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors, close: () => context.close() };
}

/** Resolves when the map's colouring (the first, or one after `afterVersion`) has been drawn. */
export async function waitForMapColoured(page: Page, afterVersion = 0, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (after) => {
      const map = document.querySelector<HTMLElement>('[data-kaart-status]');
      if (map?.dataset.kaartStatus !== 'gekleurd') return false;
      const version = Number(map.dataset.kleurVersie ?? 0);
      return version > after ? version : false;
    },
    afterVersion,
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

export async function openDashboard(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('heading', { name: 'Doelen en voortgang' }).waitFor();
}

export async function openMapExplorer(page: Page, server: TestServer, query = ''): Promise<void> {
  await page.goto(`${server.url}/kaart${query ? `?${query}` : ''}`);
  await page.getByRole('heading', { name: 'Kaart', level: 1 }).waitFor();
  await waitForMapColoured(page);
}

/** Choose an indicator in the page's indicator select by its visible name. */
export async function chooseIndicator(
  page: Page,
  name: string,
  label: string | RegExp = /^Indicator/,
): Promise<void> {
  await page.getByLabel(label).first().selectOption({ label: name });
}

export async function openProfile(page: Page, server: TestServer, code: string): Promise<void> {
  await page.goto(`${server.url}/gebied/${code}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Find an area by typing into the area combobox and choosing with the keyboard only. */
export async function findAreaByKeyboard(
  page: Page,
  typed: string,
  optionName: string | RegExp,
): Promise<void> {
  const box = page.getByRole('combobox').first();
  await box.focus();
  await page.keyboard.type(typed);
  const option = page.getByRole('option', { name: optionName }).first();
  await option.waitFor();
  const options = await page.getByRole('option').allTextContents();
  const target =
    typeof optionName === 'string'
      ? options.findIndex((o) => o.includes(optionName))
      : options.findIndex((o) => optionName.test(o));
  for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/**
 * Choose an area of the map with the keyboard only: Tab from the table's first column header to the
 * area's "Kies … op de kaart" button and press Enter (what a click on the map does).
 */
export async function chooseAreaOnMapByKeyboard(page: Page, areaName: string, maxTabs = 200): Promise<void> {
  const button = page.getByRole('button', { name: `Kies ${areaName} op de kaart` });
  await page
    .getByRole('button', { name: /^Gebied/ })
    .first()
    .focus();
  for (let i = 0; i < maxTabs; i++) {
    if (await button.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  if (!(await button.evaluate((el) => el === document.activeElement))) {
    throw new Error(`Could not reach "Kies ${areaName} op de kaart" with Tab`);
  }
  await page.keyboard.press('Enter');
}

/**
 * Rules axe does not run with the WCAG tags: `label-content-name-mismatch` is experimental (WCAG
 * 2.5.3, a button's accessible name starts with its visible text) and `heading-order` is a best
 * practice (no level skipped). We hold every page to both.
 */
export const EXTRA_AXE_RULES = ['label-content-name-mismatch', 'heading-order'];

type AxeViolation = { id: string; impact: string | null | undefined; help: string; nodes: string[] };

/** axe-core's violations on the current page: WCAG 2.1 A and AA rules plus EXTRA_AXE_RULES. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const [wcag, extra] = [
    await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze(),
    await new AxeBuilder({ page }).withRules(EXTRA_AXE_RULES).analyze(),
  ];
  const seen = new Set<string>();
  return [...wcag.violations, ...extra.violations]
    .filter((v) => !seen.has(v.id) && Boolean(seen.add(v.id)))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/** A phone held upright, or a 1280 px window at 400% zoom (WCAG 1.4.10 reflow). */
export const NARROW = { width: 320, height: 640 } as const;
/** A common laptop. */
export const WIDE = { width: 1366, height: 768 } as const;

/**
 * Whether the page as a whole scrolls sideways, and if so the widest elements sticking out, so a
 * failure names them. A box that scrolls on its own (a wide table in a scroll container) is fine.
 */
export async function sidewaysScroll(
  page: Page,
): Promise<{ scrolls: boolean; pageWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > viewport + 1 && box.width > 0) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        culprits.push(`${name} (${Math.round(box.right)} px)`);
      }
    }
    return {
      scrolls: root.scrollWidth > viewport,
      pageWidth: root.scrollWidth,
      culprits: culprits.slice(0, 8),
    };
  });
}

/** What has keyboard focus, the way a screen reader user would hear it: role, name, tag. */
export async function focusedElement(page: Page): Promise<{ tag: string; name: string; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 80),
      id: el?.id ?? '',
    };
  });
}

/** Log in on /beheer with the form, as a person would. */
export async function logInToBeheer(page: Page, server: TestServer, username: string, password: string) {
  await page.goto(`${server.url}/beheer`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByText('Ingelogd als').waitFor();
}

export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/** Counts the page's requests whose URL matches, from now on. */
export function countRequests(page: Page, match: RegExp): { count: () => number; urls: string[] } {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (match.test(request.url())) urls.push(request.url());
  });
  return { count: () => urls.length, urls };
}
