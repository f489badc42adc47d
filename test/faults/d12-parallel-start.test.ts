/**
 * D12: two app processes started at the same moment on an empty PostgreSQL database. Before the
 * start-up lock one of them crashed on duplicate key "indicators_pkey" (3 of 3).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { AppProcess, timedGet } from './support/appProcess.ts';
import { TempPostgres } from './support/tempPostgres.ts';

const TRIALS = 3;

describe('D12: two processes start together on an empty database', { timeout: 180_000 }, () => {
  let postgres: TempPostgres;
  before(async () => {
    postgres = await TempPostgres.create();
  });
  after(() => postgres?.destroy());

  it(`both start and serve, ${TRIALS} of ${TRIALS} trials`, async () => {
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const name = `d12_trial_${trial}`;
      const admin = new pg.Client({ connectionString: postgres.url() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const env = { DATABASE_URL: postgres.url(name) };
      const apps = await Promise.all([
        AppProcess.start(env, { wait: false }),
        AppProcess.start(env, { wait: false }),
      ]);
      try {
        const started = await Promise.allSettled(apps.map((app) => app.ready()));
        const statuses = await Promise.all(apps.map((app) => timedGet(`${app.base}/indicatoren`)));
        const ok = started.every((s) => s.status === 'fulfilled') && statuses.every((s) => s.status === 200);
        outcomes.push(ok ? 'beide draaien' : apps.map((app) => app.output.slice(-600)).join('\n---\n'));
      } finally {
        await Promise.all(apps.map((app) => app.stop()));
      }
    }
    console.log(
      'D12 figures',
      JSON.stringify({ trials: TRIALS, bothRunning: outcomes.filter((o) => o === 'beide draaien').length }),
    );
    assert.deepEqual(outcomes, Array(TRIALS).fill('beide draaien'));
  });
});
