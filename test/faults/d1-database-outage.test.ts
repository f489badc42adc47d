/**
 * D1: the database goes away under load (a pooled connection is terminated, the server is
 * stopped, frozen with SIGSTOP) and comes back. The app must stay up, answer 503 problem+json
 * with Retry-After meanwhile, fail fast, report the database honestly on /status and recover by
 * itself. Prints the figures (requests served during and after each outage, time to recover).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { AppProcess, timedGet } from './support/appProcess.ts';
import { TempPostgres } from './support/tempPostgres.ts';

type Result = Awaited<ReturnType<typeof timedGet>>;

/** ~`rate` requests a second to `url` for `ms` milliseconds (bounded), all results. */
async function load(url: string, ms: number, rate = 20): Promise<Result[]> {
  const results: Promise<Result>[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end && results.length < (ms / 1000) * rate + 1) {
    results.push(timedGet(url, 15_000));
    await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
  }
  return Promise.all(results);
}

const tally = (results: Result[]) => {
  const byStatus: Record<string, number> = {};
  for (const result of results) byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
  const slowest = Math.max(0, ...results.map((result) => result.ms));
  return { total: results.length, byStatus, slowestMs: Math.round(slowest) };
};

/** Polls until `url` answers 200; the milliseconds it took (bounded by `limitMs`). */
async function timeToRecover(url: string, limitMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await timedGet(url, 5000)).status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Number.POSITIVE_INFINITY;
}

describe('D1: the app survives a database outage and recovers by itself', { timeout: 180_000 }, () => {
  let postgres: TempPostgres;
  let app: AppProcess;
  const figures: Record<string, unknown> = {};
  before(async () => {
    postgres = await TempPostgres.create();
    app = await AppProcess.start({
      DATABASE_URL: postgres.url(),
      BUURTPEIL_DB_CONNECT_TIMEOUT_MS: '1000',
      BUURTPEIL_DB_STATEMENT_TIMEOUT_MS: '1500',
    });
  });
  after(async () => {
    console.log('D1 figures', JSON.stringify(figures, null, 1));
    await app?.stop();
    await postgres?.destroy();
    if (app && !app.alive && app.exitCode !== 0) console.log(app.output.slice(-4000));
  });

  const indicators = () => `${app.base}/indicatoren`;

  it('a terminated idle pooled connection does not end the process', async () => {
    assert.equal(
      (await load(indicators(), 500)).every((r) => r.status === 200),
      true,
    );
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    const { rows } = await admin.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where pid <> pg_backend_pid() and backend_type = $1',
      ['client backend'],
    );
    await admin.end();
    figures.terminatedConnections = rows.length;
    assert.ok(rows.length > 0, 'the app held pooled connections');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(app.alive, true, `the process ended:\n${app.output.slice(-2000)}`);
    const after = await load(indicators(), 1000);
    figures.afterTerminate = tally(after);
    assert.equal(
      after.every((r) => r.status === 200),
      true,
      JSON.stringify(tally(after)),
    );
  });

  it('a stopped server: 503 problem+json with Retry-After, honest /status, recovery', async () => {
    const during = load(indicators(), 3000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await postgres.stop('fast');
    const results = await during;
    const down = results.slice(-20);
    const status = await timedGet(`${app.base}/status`);
    figures.stoppedServer = { ...tally(results), status: status.status };
    assert.equal(app.alive, true, `the process ended:\n${app.output.slice(-2000)}`);
    assert.ok(
      down.every((r) => r.status === 503),
      `during the outage: ${JSON.stringify(tally(down))}`,
    );
    const problem = JSON.parse(down.at(-1)!.body);
    assert.equal(problem.status, 503);
    assert.match(down.at(-1)!.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.ok(Number(down.at(-1)!.headers.get('retry-after')) > 0);
    assert.equal(status.status, 503);
    assert.equal(JSON.parse(status.body).databaseBereikbaar, false);

    await postgres.start();
    const recoverMs = await timeToRecover(indicators());
    const afterwards = await load(indicators(), 2000);
    figures.stoppedServer = { ...(figures.stoppedServer as object), recoverMs, after: tally(afterwards) };
    assert.ok(recoverMs < 10_000, `recovered in ${recoverMs} ms`);
    assert.ok(afterwards.every((r) => r.status === 200));
    const healthy = await timedGet(`${app.base}/status`);
    assert.equal(healthy.status, 200);
    assert.equal(JSON.parse(healthy.body).databaseBereikbaar, true);
  });

  it('a frozen server (SIGSTOP): requests fail fast with 503, and recover after SIGCONT', async () => {
    assert.equal((await timedGet(indicators())).status, 200);
    postgres.freeze();
    let results: Result[];
    try {
      results = await load(indicators(), 4000, 10);
    } finally {
      postgres.thaw();
    }
    const recoverMs = await timeToRecover(indicators());
    const afterwards = await load(indicators(), 2000);
    figures.frozenServer = { during: tally(results), recoverMs, after: tally(afterwards) };
    assert.equal(app.alive, true);
    assert.ok(
      results.every((r) => r.status === 503 || r.status === 200),
      JSON.stringify(tally(results)),
    );
    assert.ok(results.filter((r) => r.status === 503).length > 0, 'requests during the freeze answered 503');
    assert.ok(
      results.every((r) => r.ms < 5000),
      `slowest ${tally(results).slowestMs} ms`,
    );
    assert.ok(recoverMs < 10_000);
    assert.ok(afterwards.every((r) => r.status === 200));
  });

  it('an immediate shutdown (as after a crash) and a restart: the process stays and recovers', async () => {
    await postgres.stop('immediate');
    const during = await load(indicators(), 1000);
    await postgres.start();
    const recoverMs = await timeToRecover(indicators());
    figures.immediateShutdown = { during: tally(during), recoverMs };
    assert.equal(app.alive, true);
    assert.ok(during.every((r) => r.status === 503));
    assert.ok(recoverMs < 15_000);
  });
});
