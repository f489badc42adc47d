// Start-up recomputes the withheld flags (secondary suppression, decision 0082) only when they were
// computed with an older rule or never; imports refresh what they write themselves (decision 0125).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../server/db/createDatabase.ts';
import type { NewArea } from '../../server/db/Database.ts';
import { WITHHELD_RULE_VERSION } from '../../server/disclosure/disclosureRepository.ts';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { importFile } from '../../server/imports/importFile.ts';
import { refreshWithheldOnStart } from '../../server/imports/refreshWithheldOnStart.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const area = (code: string, level: NewArea['level'], parent: string | null): NewArea => ({
  code,
  vintage: 2022,
  level,
  name: `Gebied ${code}`,
  parent_code: parent,
  gemeente_code: 'GM1916',
  geometry: null,
  bbox: null,
  source: 'test',
  import_id: null,
});

const HEADER = 'gebiedscode;indicator;periode;waarde;teller;noemer;flags';
// Wijk 1237 = 1234 + 3: the buurt with 1234 must be withheld, or it gives the suppressed 3 away.
const DIFFERENCING = [
  HEADER,
  'WK191602;bijstand_huishoudens;2022;1237;;;',
  'BU19160201;bijstand_huishoudens;2022;1234;;;',
  'BU19160200;bijstand_huishoudens;2022;3;;;',
].join('\n');

async function upload(db: Db, csv: string) {
  const report = await importFile(
    db,
    { kind: 'gemeentecijfers', fileName: 'klein.csv', bytes: new TextEncoder().encode(csv), actor: 'test' },
    { dryRun: false },
  );
  assert.ok(report.ok, JSON.stringify(report.errors));
}

describe('the withheld flags on start-up', () => {
  let database: TestDatabase;
  let db: Db;
  const withheld = async (code: string) =>
    (
      await db
        .selectFrom('observations')
        .select('withheld')
        .where('indicator_id', '=', 'bijstand_huishoudens')
        .where('area_code', '=', code)
        .where('period', '=', '2022')
        .executeTakeFirstOrThrow()
    ).withheld;
  const tamper = (code: string, value: boolean) =>
    db
      .updateTable('observations')
      .set({ withheld: value })
      .where('indicator_id', '=', 'bijstand_huishoudens')
      .where('area_code', '=', code)
      .execute();

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    await db
      .insertInto('areas')
      .values([
        area('GM1916', 'gemeente', null),
        area('WK191602', 'wijk', 'GM1916'),
        area('BU19160200', 'buurt', 'WK191602'),
        area('BU19160201', 'buurt', 'WK191602'),
      ])
      .execute();
    await upsertIndicatorCatalogue(db);
    await upload(db, DIFFERENCING);
  });
  after(() => database.destroy());

  it('an upload sets the flags itself', async () => {
    assert.equal(await withheld('BU19160201'), true);
    assert.equal(await withheld('WK191602'), false);
  });

  it('the first start on a database without a record recomputes them once, then never again', async () => {
    assert.notEqual(await refreshWithheldOnStart(db), undefined);
    const state = await db.selectFrom('disclosure_state').selectAll().executeTakeFirstOrThrow();
    assert.equal(state.rule_version, WITHHELD_RULE_VERSION);
    assert.equal(await refreshWithheldOnStart(db), undefined);
  });

  it('a later start does not recompute: a flag changed behind its back stays as it is', async () => {
    await tamper('BU19160201', false);
    assert.equal(await refreshWithheldOnStart(db), undefined);
    assert.equal(await withheld('BU19160201'), false);
  });

  it('an upload of that indicator puts it right (a correction refreshes)', async () => {
    await upload(db, [HEADER, 'BU19160201;bijstand_huishoudens;2022;1233;;;'].join('\n'));
    assert.equal(await withheld('BU19160201'), true);
  });

  it('a start after the rule changed recomputes everything', async () => {
    await tamper('BU19160201', false);
    await db
      .updateTable('disclosure_state')
      .set({ rule_version: WITHHELD_RULE_VERSION - 1 })
      .execute();
    assert.equal(await refreshWithheldOnStart(db), 1);
    assert.equal(await withheld('BU19160201'), true);
    assert.equal(await refreshWithheldOnStart(db), undefined);
  });
});
