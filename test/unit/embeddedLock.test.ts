// The embedded-database lock (D2), in one process; test/faults/embeddedLock.test.ts runs real processes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  EmbeddedDatabaseInUseError,
  lockEmbeddedDatabase,
  lockFileOf,
} from '../../server/db/embeddedLock.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'buurtpeil-lock-unit-'));
const dataDir = path.join(dir, 'pglite');

describe('lockEmbeddedDatabase', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the directory to one holder at a time and frees it on release', () => {
    const release = lockEmbeddedDatabase(dataDir);
    assert.ok(existsSync(lockFileOf(dataDir)));
    assert.throws(() => lockEmbeddedDatabase(dataDir), EmbeddedDatabaseInUseError);
    release();
    assert.ok(!existsSync(lockFileOf(dataDir)));
    lockEmbeddedDatabase(dataDir)();
  });

  it('refuses while another running process holds it, in one Dutch sentence naming what to do', () => {
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    try {
      assert.throws(
        () => lockEmbeddedDatabase(dataDir),
        (error: Error) =>
          error instanceof EmbeddedDatabaseInUseError &&
          /in gebruik door een ander proces/.test(error.message) &&
          /stop eerst de app/.test(error.message) &&
          /Beheer → Uploaden/.test(error.message),
      );
    } finally {
      rmSync(lockFileOf(dataDir));
    }
  });

  it('takes over a lock whose process is gone (killed with -9)', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(gone.stdout);
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: deadPid, host: os.hostname() }));
    const release = lockEmbeddedDatabase(dataDir);
    release();
  });

  it('takes over an empty lock file left long ago', () => {
    writeFileSync(lockFileOf(dataDir), '');
    const old = new Date(Date.now() - 60_000);
    // An unreadable lock older than a few seconds is stale.
    utimesSync(lockFileOf(dataDir), old, old);
    lockEmbeddedDatabase(dataDir)();
  });
});
