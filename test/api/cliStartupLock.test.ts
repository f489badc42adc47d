// `npm run db:migrate` and `npm run import` take the start-up lock the app takes (decision 0078):
// while a starting app holds it they wait, and write nothing, until it is released. PostgreSQL
// only: the embedded database allows one process at all (0080).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { STARTUP_LOCK_KEY, STARTUP_WAIT_MESSAGE } from '../../server/db/startupLock.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const onPostgres = Boolean(process.env.DATABASE_URL);

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function runScript(script: string, args: string[], databaseUrl: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A "starting app": a session that holds the start-up lock until released. */
async function holdStartupLock(url: string): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
  return {
    async release() {
      await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
      await client.end();
    },
  };
}

async function count(url: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(query)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('the CLI waits for a starting app (start-up lock)', {
  skip: !onPostgres && 'PostgreSQL only',
}, () => {
  let database: TestDatabase;
  let emptyUrl: string;
  before(async () => {
    database = await createTestDatabase();
    // A second, empty database for the migration (createTestDatabase migrates its own).
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `buurtpeil_test_cli_lock_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    emptyUrl = url.toString();
  });
  after(async () => {
    await database?.destroy();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${new URL(emptyUrl).pathname.slice(1)} with (force)`);
    await admin.end();
  });

  it('npm run db:migrate migrates nothing while the lock is held, then everything', async () => {
    const lock = await holdStartupLock(emptyUrl);
    const run = runScript('migrate.ts', [], emptyUrl);
    try {
      await waitFor(() => run.output().includes(STARTUP_WAIT_MESSAGE), 'the wait message');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(run.child.exitCode, null, 'still waiting');
      assert.equal(
        await count(emptyUrl, "select count(*) as n from pg_tables where tablename = 'kysely_migration'"),
        0,
      );
    } finally {
      await lock.release();
    }
    assert.equal(await run.exit, 0, run.output());
    assert.match(run.output(), /Uitgevoerd: 2026_11_24_0001_domain/);
  });

  it('npm run import writes no import while the lock is held, then imports', async () => {
    const url = database.databaseUrl!;
    const lock = await holdStartupLock(url);
    const file = path.join(root, 'test', 'fixtures', 'imports', 'buurten_2022_proef_rd.geojson');
    const run = runScript('import.ts', ['grenzen', file], url);
    try {
      await waitFor(() => run.output().includes(STARTUP_WAIT_MESSAGE), 'the wait message');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(run.child.exitCode, null, 'still waiting');
      assert.equal(await count(url, 'select count(*) as n from imports'), 0);
    } finally {
      await lock.release();
    }
    assert.equal(await run.exit, 0, run.output());
    assert.equal(await count(url, "select count(*) as n from imports where kind = 'grenzen'"), 1);
  });
});
