/**
 * D5: clients that start a CSV download and never read. Before the fix each held a cursor in a
 * transaction on one of the 10 pooled connections, and with 10 of them /indicatoren and /gebieden
 * timed out. Now exports are bounded overall and per client, ordinary requests keep a pool margin
 * (and a pool wait is bounded), and a stalled download is cut off, releasing its connection.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { AppProcess, timedGet } from './support/appProcess.ts';
import { seedObservations } from './support/seed.ts';
import { TempPostgres } from './support/tempPostgres.ts';

const STALL_MS = 3000;

/** Opens a CSV export from `localAddress` and never reads: the status line, or '' if none came. */
function stalledDownload(port: number, localAddress: string) {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  socket.setNoDelay(true);
  let head = '';
  const status = new Promise<number>((resolve) => {
    socket.once('data', (chunk) => {
      head = chunk.toString('latin1', 0, 200);
      socket.pause(); // from here on nothing is read: the kernel buffers fill and stay full
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0));
    });
    socket.once('error', () => resolve(0));
    setTimeout(() => resolve(0), 10_000).unref();
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `GET /api/v1/exports/waarnemingen.csv?dialect=standaard HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
  );
  return { socket, status, closed };
}

describe('D5: slow CSV downloads do not hang the API', { timeout: 180_000 }, () => {
  let postgres: TempPostgres;
  let app: AppProcess;
  const figures: Record<string, unknown> = {};
  before(async () => {
    postgres = await TempPostgres.create();
    app = await AppProcess.start({
      DATABASE_URL: postgres.url(),
      BUURTPEIL_EXPORT_STALL_TIMEOUT_MS: String(STALL_MS),
    });
    figures.observations = await seedObservations(postgres.url(), 400, 5);
  });
  after(async () => {
    console.log('D5 figures', JSON.stringify(figures, null, 1));
    await app?.stop();
    await postgres?.destroy();
  });

  const appTransactions = async () => {
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    const { rows } = await admin.query(
      `select count(*)::int as n from pg_stat_activity where state like 'idle in transaction%' and pid <> pg_backend_pid()`,
    );
    await admin.end();
    return rows[0].n as number;
  };

  it('ten stalled downloads from ten addresses: ordinary requests still served, the surplus refused', async () => {
    const downloads = Array.from({ length: 10 }, (_, i) => stalledDownload(app.port, `127.0.0.${11 + i}`));
    const statuses = await Promise.all(downloads.map((d) => d.status));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ordinary = [];
    for (let i = 0; i < 10; i++) {
      ordinary.push(await timedGet(`${app.base}/indicatoren`, 5000));
      ordinary.push(await timedGet(`${app.base}/gebieden`, 5000));
    }
    const held = await appTransactions();
    figures.tenStalled = {
      exportStatuses: statuses,
      ordinaryServed: ordinary.filter((r) => r.status === 200).length,
      ordinaryTotal: ordinary.length,
      slowestOrdinaryMs: Math.round(Math.max(...ordinary.map((r) => r.ms))),
      cursorsHeld: held,
    };
    assert.ok(
      ordinary.every((r) => r.status === 200),
      JSON.stringify(figures.tenStalled),
    );
    assert.ok(statuses.filter((s) => s === 200).length >= 1, 'some exports started');
    assert.ok(statuses.filter((s) => s === 503).length >= 1, 'the surplus was refused with 503');
    assert.ok(statuses.every((s) => s === 200 || s === 503));

    // The stalled ones are cut off after the write timeout, and their connections come free.
    const started = Date.now();
    await Promise.race([
      Promise.all(downloads.filter((_, i) => statuses[i] === 200).map((d) => d.closed)),
      new Promise((resolve) => setTimeout(resolve, STALL_MS * 4)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const left = await appTransactions();
    (figures.tenStalled as Record<string, unknown>).cutOffAfterMs = Date.now() - started;
    (figures.tenStalled as Record<string, unknown>).cursorsHeldAfter = left;
    for (const d of downloads) d.socket.destroy();
    assert.equal(left, 0, 'every export transaction ended');
  });

  it('one client may run only a few exports at once (429 beyond)', async () => {
    const downloads = Array.from({ length: 3 }, () => stalledDownload(app.port, '127.0.0.30'));
    const statuses = await Promise.all(downloads.map((d) => d.status));
    figures.oneClient = statuses;
    for (const d of downloads) d.socket.destroy();
    assert.deepEqual([...statuses].sort(), [200, 200, 429]);
  });

  it('after the stalls a reading client downloads the whole export', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const res = await timedGet(`${app.base}/exports/waarnemingen.csv?dialect=standaard`, 60_000);
    const lines = res.body.split('\r\n').filter(Boolean).length - 1;
    figures.fullExport = { status: res.status, rows: lines, ms: Math.round(res.ms) };
    assert.equal(res.status, 200);
    assert.ok(lines >= (figures.observations as number), `${lines} rows`);
  });
});
