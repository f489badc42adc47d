/**
 * The bulk observation write (decision 0111): rows go into a temporary table by COPY and are
 * merged by set-based statements. Every value must come back exactly (COPY's text format has its
 * own escapes), corrections keep their history as before, and a failed write leaves nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type ResolvedObservation, writeObservations } from '../../server/imports/writeObservations.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase } from './importTestSupport.ts';

const row = (areaCode: string, overrides: Partial<ResolvedObservation> = {}): ResolvedObservation => ({
  line: 2,
  column: 'waarde',
  indicatorId: 'inwoners',
  areaCode,
  vintage: 2022,
  period: '2024',
  year: 2024,
  value: 100,
  numerator: null,
  denominator: null,
  provisional: false,
  confidential: false,
  valueRounding: null,
  countRounding: null,
  source: 'proef',
  flags: null,
  intervalLow: null,
  intervalHigh: null,
  ...overrides,
});

describe('bulk observation write', () => {
  let database: TestDatabase;
  const newImport = async () =>
    (
      await database.db
        .insertInto('imports')
        .values({
          kind: 'gemeentecijfers',
          file_name: 'x.csv',
          file_hash: 'x',
          actor: 'test',
          status: 'gelukt',
          report: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const stored = (areaCode: string) =>
    database.db
      .selectFrom('observations')
      .selectAll()
      .where('area_code', '=', areaCode)
      .where('indicator_id', '=', 'inwoners')
      .executeTakeFirstOrThrow();

  before(async () => {
    database = await createImportTestDatabase();
    await database.db
      .insertInto('areas')
      .values(
        ['GM9990', 'GM9991', 'GM9992', 'GM9993', 'GM9994', 'GM9995'].map((code) => ({
          code,
          vintage: 2022,
          level: 'gemeente' as const,
          name: code,
          parent_code: null,
          gemeente_code: code,
          geometry: null,
          bbox: null,
          source: 'test',
          import_id: null,
        })),
      )
      .execute();
  });
  after(() => database?.destroy());

  it('stores awkward texts and doubles exactly as given', async () => {
    const awkward = [
      row('GM9990', { source: 'tab\there, newline\nhere, return\rhere, backslash \\ and \\N', flags: '\\N' }),
      row('GM9991', { value: 0.1 + 0.2, numerator: 1e-7, denominator: 5e21, valueRounding: 0.1 }),
      row('GM9992', {
        value: null,
        confidential: true,
        provisional: true,
        flags: 'a|b',
        intervalLow: -1.5,
        intervalHigh: 2 ** 53 + 2,
      }),
    ];
    const importId = await newImport();
    const counts = await database.db
      .transaction()
      .execute((trx) => writeObservations(trx, awkward, importId, 'test'));
    assert.deepEqual(counts, { rowsNew: 3, rowsCorrected: 0, rowsUnchanged: 0 });
    for (const expected of awkward) {
      const got = await stored(expected.areaCode);
      assert.deepEqual(
        {
          value: got.value,
          numerator: got.numerator,
          denominator: got.denominator,
          provisional: got.provisional,
          confidential: got.confidential,
          valueRounding: got.value_rounding,
          source: got.source,
          flags: got.flags,
          intervalLow: got.interval_low,
          intervalHigh: got.interval_high,
          importId: got.import_id,
        },
        {
          value: expected.value,
          numerator: expected.numerator,
          denominator: expected.denominator,
          provisional: expected.provisional,
          confidential: expected.confidential,
          valueRounding: expected.valueRounding,
          source: expected.source,
          flags: expected.flags,
          intervalLow: expected.intervalLow,
          intervalHigh: expected.intervalHigh,
          importId,
        },
      );
    }
  });

  it('a correction keeps the previous state in the history; unchanged rows keep their import', async () => {
    const first = await newImport();
    await database.db
      .transaction()
      .execute((trx) =>
        writeObservations(trx, [row('GM9993', { value: 10 }), row('GM9994', { value: 20 })], first, 'een'),
      );
    const before = await stored('GM9993');
    const second = await newImport();
    const counts = await database.db
      .transaction()
      .execute((trx) =>
        writeObservations(
          trx,
          [
            row('GM9993', { value: 11, flags: 'nieuw' }),
            row('GM9994', { value: 20 }),
            row('GM9995', { value: 30 }),
          ],
          second,
          'twee',
        ),
      );
    assert.deepEqual(counts, { rowsNew: 1, rowsCorrected: 1, rowsUnchanged: 1 });
    const corrected = await stored('GM9993');
    assert.equal(corrected.value, 11);
    assert.equal(corrected.flags, 'nieuw');
    assert.equal(corrected.import_id, second);
    assert.equal((await stored('GM9994')).import_id, first);
    const history = await database.db
      .selectFrom('observation_revisions')
      .selectAll()
      .where('observation_id', '=', corrected.id)
      .execute();
    assert.equal(history.length, 1);
    assert.equal(history[0]!.value, 10);
    assert.equal(history[0]!.flags, null);
    assert.equal(history[0]!.import_id, first);
    assert.equal(history[0]!.replaced_by_import_id, second);
    assert.equal(history[0]!.replaced_by, 'twee');
    assert.equal(new Date(history[0]!.valid_from).getTime(), new Date(before.updated_at).getTime());
  });

  it('two writes in one transaction, and a failed write leaves nothing behind', async () => {
    const importId = await newImport();
    const countBefore = await database.db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await writeObservations(trx, [row('GM9990', { period: '2025', year: 2025 })], importId, 'test');
        // The online loader writes several files in one transaction: the staging table is made anew.
        await writeObservations(trx, [row('GM9991', { period: '2025', year: 2025 })], importId, 'test');
        assert.equal(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from observations where period = '2025'`.execute(trx)
          ).rows[0]!.n,
          2,
        );
        // An area that does not exist: the foreign key refuses the whole transaction.
        await writeObservations(trx, [row('GM0000', { period: '2025', year: 2025 })], importId, 'test');
      }),
    );
    const countAfter = await database.db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(countAfter.n), Number(countBefore.n));
  });
});
