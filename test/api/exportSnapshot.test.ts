import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { observationRowsInOrder } from '../../server/exports/observationRowsInOrder.ts';
import { FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// D14 (issue 9): an upload committed while an export streams must not reach that export. The
// export reads one snapshot: every row as it was when the download started, none of the later ones.
describe('CSV export rows are one snapshot', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('keeps the values and rows of the start while an upload commits mid-export', async () => {
    const before = await t.db
      .selectFrom('observations')
      .select(['indicator_id', 'area_code', 'vintage', 'period', 'value'])
      .orderBy('indicator_id')
      .orderBy('area_code')
      .orderBy('vintage')
      .orderBy('period')
      .execute();
    assert.ok(before.length > 4, 'the fixtures have enough rows for several batches');

    const seen: string[] = [];
    let batches = 0;
    const rows = observationRowsInOrder(t.db, {}, { canStream: t.kind === 'postgresql', batchSize: 2 });
    for await (const batch of rows) {
      batches++;
      for (const row of batch)
        seen.push(`${row.indicator_id}|${row.area_code}|${row.vintage}|${row.period}|${row.value}`);
      if (batches === 1) {
        // An "upload" commits between two batches: every value changes and a row is added.
        await sql`update observations set value = value + 1000 where value is not null`.execute(t.db);
        await t.db
          .insertInto('observations')
          .values({
            indicator_id: FIXTURE.inwoners,
            area_code: 'BU19160602',
            vintage: 2022,
            period: '2031',
            year: 2031,
            value: 1,
            source: 'later upload',
          })
          .execute();
      }
    }
    assert.ok(batches > 2);
    assert.deepEqual(
      seen,
      before.map((row) => `${row.indicator_id}|${row.area_code}|${row.vintage}|${row.period}|${row.value}`),
    );
  });

  it('leaves no cursor open after a finished or an abandoned export', async () => {
    for await (const _ of observationRowsInOrder(
      t.db,
      {},
      { canStream: t.kind === 'postgresql', batchSize: 2 },
    )) {
      break; // the client went away after the first batch
    }
    for await (const _ of observationRowsInOrder(
      t.db,
      {},
      { canStream: t.kind === 'postgresql', batchSize: 2 },
    )) {
      // read to the end
    }
    const open = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_cursors where name like 'export%'`.execute(t.db);
    assert.equal(open.rows[0]!.n, 0);
  });

  it('releases its cursor when the client hangs up mid-download', async () => {
    // Enough rows for several batches, so the download is still running when the client leaves.
    await sql`insert into observations (indicator_id, area_code, vintage, period, year, value, source)
      select ${FIXTURE.inwoners}, 'BU19160602', 2022, (3000 + n)::text, 3000 + n, n, 'veel rijen'
      from generate_series(1, 20000) as n`.execute(t.db);
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const abort = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/exports/waarnemingen.csv`, {
        signal: abort.signal,
        headers: { 'accept-encoding': 'identity' },
      });
      const reader = response.body!.getReader();
      await reader.read();
      abort.abort();
      const openExports = async () =>
        t.kind === 'pglite'
          ? (
              await sql<{
                n: number;
              }>`select count(*)::int as n from pg_cursors where name like 'export%'`.execute(t.db)
            ).rows[0]!.n
          : (
              await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and query ilike '%export_rows%' and state <> 'idle'
                and pid <> pg_backend_pid()`.execute(t.db)
            ).rows[0]!.n;
      let open = await openExports();
      for (let i = 0; i < 50 && open > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        open = await openExports();
      }
      assert.equal(open, 0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
