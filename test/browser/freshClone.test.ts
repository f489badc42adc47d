// A fresh clone started the way README says: `npm start`, no setting, no folder made by hand.
// The clone is of this branch's HEAD (committed work only); node_modules is hard-linked (cp -al).
// Runs on embedded PGlite, and on PostgreSQL when DATABASE_URL names a server (a throw-away
// database is created on it). Start-up times are printed as test diagnostics.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshotDir, waitForMapColoured } from '../support/browser.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  url: string;
  seconds: number;
  output: () => string;
}

/** `npm start` in `cwd`; resolves when the API answers, with the seconds it took. */
async function npmStart(
  cwd: string,
  env: NodeJS.ProcessEnv,
  command: string[] = ['npm', 'start'],
): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    // Only what a user's shell would have, plus the port: no BUURTPEIL_* setting.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start stopped (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/v1/indelingen`);
      if (res.ok) return { child, url, seconds: (performance.now() - started) / 1000, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop(child);
  throw new Error(`npm start did not answer within 240 s:\n${log}`);
}

function stop(child: ChildProcess) {
  // npm start → sh → tsx → node: end the whole process group this test started.
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function json(url: string) {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return res.json() as Promise<{
    waarnemingen: { periode: string; jaar: number; waarde: number; bron: string }[];
  }>;
}

async function assertServesTheSeries(url: string) {
  const arbeid = await json(
    `${url}/api/v1/waarnemingen?indicator=netto_arbeidsparticipatie_pct&gebied=BU19160200`,
  );
  assert.deepEqual(
    arbeid.waarnemingen.map((o) => [o.periode, o.waarde]),
    [
      ['2019', 58],
      ['2020', 56],
      ['2021', 57],
      ['2022', 59],
      ['2023', 60],
    ],
  );
  const bijstand = await json(
    `${url}/api/v1/waarnemingen?indicator=aandeel_inwoners_met_bijstand_pct&gebied=WK191602`,
  );
  assert.equal(Math.max(...bijstand.waarnemingen.map((o) => o.jaar)), 2023);
  assert.ok(bijstand.waarnemingen.every((o) => /ELAN\/LUMC wijkprofielen v7/.test(o.bron)));
}

describe('a fresh clone starts with `npm start` and no setting', () => {
  let clone: string;
  let browser: Browser;
  const children: ChildProcess[] = [];
  before(() => {
    clone = mkdtempSync(path.join(root, '.scratch-clone-'));
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone]);
    execFileSync('git', ['checkout', '--quiet', head], { cwd: clone });
    execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(clone, 'node_modules')]);
    assert.equal(existsSync(path.join(clone, 'data')), false, 'the clone has no data folder');
  });
  after(async () => {
    for (const child of children) stop(child);
    await browser?.close();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(clone, { recursive: true, force: true });
  });

  it('on embedded PGlite: makes data/pglite, loads the pack, serves the dashboard and the series', async (t) => {
    const started = await npmStart(clone, {});
    children.push(started.child);
    t.diagnostic(
      `start-up of the fresh clone (client build + migrations + pack), PGlite: ${started.seconds.toFixed(1)} s`,
    );
    assert.ok(existsSync(path.join(clone, 'data', 'pglite')), 'data/pglite was made');
    assert.match(started.output(), /Datapakket Leidschendam-Voorburg \(GM1916\) geladen/);
    await assertServesTheSeries(started.url);

    browser = await launchBrowser();
    const tab = await openPage(browser, { width: 1366, height: 900 });
    try {
      await tab.page.goto(`${started.url}/`);
      await tab.page.getByRole('heading', { name: 'Doelen en voortgang' }).waitFor();
      await tab.page.getByRole('table').first().waitFor();
      await tab.page.getByText('Verwante reeks (andere definitie)').first().waitFor();
      await waitForMapColoured(tab.page);
      await tab.page.screenshot({
        path: path.join(screenshotDir, 'fresh-clone-dashboard-1366.png'),
        fullPage: true,
      });
      assert.deepEqual(tab.errors, []);
    } finally {
      await tab.close();
    }
    stop(started.child);
  });

  it('on PostgreSQL (DATABASE_URL, a throw-away database)', {
    skip: !process.env.DATABASE_URL,
  }, async (t) => {
    const serverUrl = process.env.DATABASE_URL!;
    const name = `buurtpeil_clone_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const started = await npmStart(clone, { DATABASE_URL: url.toString() });
      children.push(started.child);
      t.diagnostic(
        `start-up of the fresh clone (client build + migrations + pack), PostgreSQL: ${started.seconds.toFixed(1)} s`,
      );
      assert.match(started.output(), /Datapakket Leidschendam-Voorburg \(GM1916\) geladen/);
      await assertServesTheSeries(started.url);
      const page = await fetch(`${started.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);
      stop(started.child);
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('an unusable BUURTPEIL_DB_DIR: one Dutch sentence and exit code 2, no stack trace', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', 'server/main.ts'], {
        cwd: clone,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          BUURTPEIL_DB_DIR: path.join(clone, 'package.json', 'db'),
        },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: string }).stderr);
    }
    assert.equal(status, 2);
    assert.match(
      stderr.trim(),
      /^buurtpeil start niet: De map voor de ingebouwde database \(.*package\.json\/db\) kan niet worden gemaakt: een deel van het pad is een bestand, geen map\. Kies met BUURTPEIL_DB_DIR/,
    );
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('a BUURTPEIL_DB_DIR whose parents do not exist is made', async () => {
    const nested = path.join(clone, 'diep', 'genest', 'db');
    // The server alone (the client was built by the first start).
    const started = await npmStart(clone, { BUURTPEIL_DB_DIR: nested }, ['npx', 'tsx', 'server/main.ts']);
    children.push(started.child);
    assert.ok(existsSync(nested));
    stop(started.child);
  });
});
