import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createDatabase } from '../../server/db/createDatabase.ts';
import { createTestDatabase } from '../support/testDatabase.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const script = path.join(root, 'scripts', 'create-user.ts');

describe('npm run user:create', () => {
  it('creates the first beheerder with an argon2id hash and an audit line, password from the environment', async () => {
    // On PostgreSQL the script gets a throw-away database; on PGlite a throw-away directory.
    const server = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'buurtpeil-cli-'));
    const env = {
      ...process.env,
      BUURTPEIL_WACHTWOORD: 'een-lang-genoeg-wachtwoord',
      BUURTPEIL_DB_DIR: dir,
      ...(server ? { DATABASE_URL: server.databaseUrl } : { DATABASE_URL: '' }),
    };
    try {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', script, '--gebruikersnaam', 'Anna', '--rol', 'beheerder'],
        { cwd: root, env },
      );
      assert.match(stdout, /Gebruiker anna \(beheerder\) is aangemaakt/);
      if (server) await server.db.destroy();
      const db = createDatabase(server ? { databaseUrl: server.databaseUrl } : { dataDir: dir });
      try {
        const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
        assert.equal(user.role, 'beheerder');
        assert.match(user.password_hash, /^\$argon2id\$/);
        const audit = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([audit.actor, audit.action], ['cli', 'gebruiker.aanmaken']);
      } finally {
        await db.destroy();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      if (server) await dropServerDatabase(server.databaseUrl!);
    }
  });

  it('refuses a short password and names the rule, creating nobody', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'buurtpeil-cli-'));
    try {
      const result = await run(
        process.execPath,
        ['--import', 'tsx', script, '--gebruikersnaam', 'bert', '--rol', 'redacteur'],
        {
          cwd: root,
          env: { ...process.env, BUURTPEIL_WACHTWOORD: 'kort', BUURTPEIL_DB_DIR: dir, DATABASE_URL: '' },
        },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(result.code, 2);
      assert.match(result.stderr, /minstens 12 tekens/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function dropServerDatabase(url: string) {
  const pg = (await import('pg')).default;
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
