// D2: a second process on the same embedded database directory. Real processes: the app
// (server/main.ts) holds the directory; the CLI commands that write and a second app must refuse
// in one Dutch sentence and leave the database intact; a lock left by kill -9 does not block.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createDatabase } from '../../server/db/createDatabase.ts';
import { lockFileOf } from '../../server/db/embeddedLock.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = ['--import', 'tsx'];
const IN_USE =
  /^De ingebouwde database in .+ is in gebruik door een ander proces \(pid \d+\): stop eerst de app \(Ctrl\+C\) en probeer het dan opnieuw, of lees bestanden in via Beheer → Uploaden in de draaiende app\.$/;

let dir: string;
const env = () => ({
  ...process.env,
  DATABASE_URL: '',
  BUURTPEIL_DB_DIR: dir,
  BUURTPEIL_DATA_DIR: '',
  BUURTPEIL_WACHTWOORD: 'een-lang-genoeg-wachtwoord',
  PORT: '0',
  LOG_LEVEL: 'info',
});

/** Starts the app on the directory and waits until it listens (bounded: 60 s). */
async function startApp(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...tsx, 'server/main.ts'], { cwd: root, env: env() });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app startte niet: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('buurtpeil draait op')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app stopte (${code}): ${output}`));
    });
  });
  child.removeAllListeners('exit');
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [...tsx, ...args], { cwd: root, env: env(), timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const createUser = (name: string) =>
  cli(['scripts/create-user.ts', '--gebruikersnaam', name, '--rol', 'beheerder']);

describe('one process per embedded database directory (D2)', () => {
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'buurtpeil-lock-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(lockFileOf(dir), { force: true });
  });

  it('refuses user:create, import and a second app while the app runs, and the database survives', async () => {
    const app = await startApp();
    let stopped = false;
    try {
      assert.ok(existsSync(lockFileOf(dir)), 'the app holds a lock file');
      const user = await createUser('anna');
      assert.equal(user.code, 1);
      assert.match(user.stderr.trim(), IN_USE);
      assert.doesNotMatch(user.stdout, /aangemaakt/);

      const imported = await cli(['scripts/import.ts', 'gemeente', 'test/fixtures/beheer/cijfers_goed.csv']);
      assert.equal(imported.code, 1);
      assert.match(imported.stderr.trim(), IN_USE);

      const second = await cli(['server/main.ts']);
      assert.equal(second.code, 1);
      assert.match(second.stderr.trim(), IN_USE);

      assert.equal(await stop(app, 'SIGTERM'), 0);
      stopped = true;
      assert.ok(!existsSync(lockFileOf(dir)), 'the lock is released at a normal stop');
    } finally {
      if (!stopped) await stop(app, 'SIGKILL');
    }
    // The app starts again on the same directory (before the lock: RuntimeError: Aborted()).
    const again = await startApp();
    assert.equal(await stop(again, 'SIGTERM'), 0);
  });

  it('takes over a lock left by a process killed with -9', async () => {
    const app = await startApp();
    await stop(app, 'SIGKILL');
    assert.ok(existsSync(lockFileOf(dir)), 'kill -9 leaves the lock file behind');
    const user = await createUser('bert');
    assert.equal(user.code, 0, user.stderr);
    assert.match(user.stdout, /Gebruiker bert \(beheerder\) is aangemaakt/);
    assert.ok(!existsSync(lockFileOf(dir)));
  });

  it('keeps the user made with user:create and its audit line', async () => {
    const db = createDatabase({ dataDir: dir });
    try {
      const users = await db.selectFrom('users').select('username').execute();
      assert.deepEqual(
        users.map((u) => u.username),
        ['bert'],
      );
      const audit = await db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('entity', '=', 'gebruiker')
        .execute();
      assert.deepEqual(audit, [{ actor: 'cli', action: 'gebruiker.aanmaken' }]);
    } finally {
      await db.destroy();
    }
  });
});
