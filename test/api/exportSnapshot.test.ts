import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { observationRowsInOrder } from '../../server/exports/observationRowsInOrder.ts';
import { FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

// D14 (issue 9): an upload committed while an export streams must not reach that export. The
// export reads one snapshot: every row as it was when the download started, none of the later ones.
describe('CSV export rows are one snapshot', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
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
});
