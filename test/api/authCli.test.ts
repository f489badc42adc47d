import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createDatabase } from '../../server/db/createDatabase.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
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

  it('creates a partner tied to an organisation named by its name, and refuses a partner without one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'buurtpeil-cli-'));
    const env = {
      ...process.env,
      BUURTPEIL_WACHTWOORD: 'een-lang-genoeg-wachtwoord',
      BUURTPEIL_DB_DIR: dir,
      DATABASE_URL: '',
    };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    try {
      const db = createDatabase({ dataDir: dir });
      let organisation: number;
      try {
        await migrateToLatest(db);
        ({ id: organisation } = await db
          .insertInto('organisations')
          .values({ gemeente_code: 'GM1916', name: 'Buurtwerk Noord' })
          .returning('id')
          .executeTakeFirstOrThrow());
      } finally {
        await db.destroy();
      }
      const without = await cli('--gebruikersnaam', 'piet', '--rol', 'partner');
      assert.equal(without.code, 2);
      assert.match(without.stderr, /organisatie: Kies de organisatie van deze partner/);
      const unknown = await cli('--gebruikersnaam', 'piet', '--rol', 'partner', '--organisatie', 'Onbekend');
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /Er is geen organisatie met de naam Onbekend/);
      const made = await cli(
        '--gebruikersnaam',
        'piet',
        '--rol',
        'partner',
        '--organisatie',
        'buurtwerk noord',
      );
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stdout, /Gebruiker piet \(partner\) is aangemaakt/);
      const check = createDatabase({ dataDir: dir });
      try {
        const user = await check.selectFrom('users').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([user.role, user.organisation_id], ['partner', organisation]);
      } finally {
        await check.destroy();
      }
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
