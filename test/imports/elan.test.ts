import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseElanWijkprofielen } from '../../server/imports/elan/parseElanWijkprofielen.ts';
import { formatRowError } from '../../server/imports/importFile.ts';
import { sharedFile } from '../support/sharedData.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, fixtureBytes, importBytes, tableCounts } from './importTestSupport.ts';

const FIXTURE = 'elan_wijkprofielen_proef.csv';
const REAL_FILE = sharedFile('wijkprofielen-elan', 'gm1916_wijken_2009_2022.csv');
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

async function observation(database: TestDatabase, indicator: string, code: string, period: string) {
  return database.db
    .selectFrom('observations')
    .select(['value', 'numerator', 'denominator', 'count_rounding', 'vintage', 'source'])
    .where('indicator_id', '=', indicator)
    .where('area_code', '=', code)
    .where('period', '=', period)
    .executeTakeFirst();
}

describe('ELAN wijkprofielen: pure parsing', () => {
  it('turns shares into percentages with derived counts, and leaves zeros and the catch-all out', () => {
    const parsed = parseElanWijkprofielen(decode(fixtureBytes(FIXTURE)));
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.rowsRead, 5);
    assert.equal(parsed.observations.length, 15);
    const bijstand = parsed.observations.find(
      (row) => row.indicatorId === 'elan_inwoners_bijstand_pct' && row.areaCode === 'WK999901',
    );
    assert.deepEqual(
      bijstand && {
        line: bijstand.line,
        period: bijstand.period,
        value: bijstand.value,
        numerator: bijstand.numerator,
        denominator: bijstand.denominator,
        countRounding: bijstand.countRounding,
        vintage: bijstand.vintage,
      },
      {
        line: 4,
        period: '2017',
        value: 6.81,
        numerator: 390,
        denominator: 5720,
        countRounding: 10,
        vintage: undefined,
      },
    );
    assert.deepEqual(parsed.warnings.map(formatRowError), [
      "Regel 2, kolom WKC: 1 regel van de restgroep 'WK9999--' (wijk onbekend) overgeslagen: geen gebied.",
      "Aandelen van 0 of leeg gelden als 'niet beschikbaar' en zijn niet opgeslagen: %_Welfare_benefit_user 1×, %_Unemployment_benefit_user 2×, %_Employee 1×, %_WMO_user 1×.",
    ]);
  });

  it('names line and column of a bad value, in Dutch', () => {
    const text = decode(fixtureBytes(FIXTURE)).replace('0.0681', 'n.v.t.').replace('0.0488', '4.88');
    const parsed = parseElanWijkprofielen(text);
    assert.deepEqual(parsed.errors.map(formatRowError), [
      "Regel 4, kolom %_Welfare_benefit_user: 'n.v.t.' is geen getal.",
      "Regel 5, kolom %_Welfare_benefit_user: '4.88' ligt niet tussen 0 en 1; verwacht is een aandeel van de inwoners.",
    ]);
    assert.deepEqual(parsed.observations, []);
  });

  it('refuses a file without the ELAN columns', () => {
    const parsed = parseElanWijkprofielen('WKC,YEAR,Total_Population\nWK999901,2017,100\n');
    assert.deepEqual(parsed.errors.map(formatRowError), [
      "Regel 1: De kolommen %_Welfare_benefit_user, %_Unemployment_benefit_user, %_Employee, %_Wanbet, %_WMO_user ontbreken; verwacht is de tabel van de ELAN-wijkprofielen (df_count_ver_3.csv), met komma's gescheiden.",
    ]);
  });
});

describe('ELAN wijkprofielen: hand-made file into the database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
    const report = await importBytes(
      database,
      'grenzen',
      'buurten_proef_rd.geojson',
      fixtureBytes('buurten_2022_proef_rd.geojson'),
      { vintage: 2022 },
    );
    assert.equal(report.ok, true);
  });
  after(async () => {
    await database.destroy();
  });

  it('refuses a bad value and writes nothing', async () => {
    const before = await tableCounts(database);
    const bad = encode(decode(fixtureBytes(FIXTURE)).replace('0.0681', 'n.v.t.'));
    const report = await importBytes(database, 'elan', FIXTURE, bad);
    assert.equal(report.ok, false);
    assert.deepEqual(report.errors.map(formatRowError), [
      "Regel 4, kolom %_Welfare_benefit_user: 'n.v.t.' is geen getal.",
    ]);
    assert.deepEqual(await tableCounts(database), before);
  });

  it('stores the wijken of the 2022 indeling, skips an unknown wijk, and twice changes nothing', async () => {
    const first = await importBytes(database, 'elan', FIXTURE, fixtureBytes(FIXTURE));
    assert.equal(first.ok, true, first.errors.map(formatRowError).join('\n'));
    assert.deepEqual([first.vintage, first.rowsTotal, first.rowsNew, first.rowsSkipped], [2022, 10, 10, 5]);
    assert.ok(
      first.warnings
        .map(formatRowError)
        .includes(
          "Regel 6, kolom WKC: Wijk 'WK999903' bestaat niet in indeling 2022; de waarden van deze wijk zijn overgeslagen.",
        ),
    );
    assert.deepEqual(await observation(database, 'elan_inwoners_bijstand_pct', 'WK999901', '2017'), {
      value: 6.81,
      numerator: 390,
      denominator: 5720,
      count_rounding: 10,
      vintage: 2022,
      source: 'ELAN/LUMC wijkprofielen (elan-dcc/wijkprofielen, MIT-licentie), op basis van CBS-microdata',
    });
    // A stored 0 means "not available": no observation, not a value of 0%.
    assert.equal(await observation(database, 'elan_inwoners_bijstand_pct', 'WK999901', '2010'), undefined);

    const again = await importBytes(database, 'elan', FIXTURE, fixtureBytes(FIXTURE));
    assert.deepEqual([again.rowsNew, again.rowsCorrected, again.rowsUnchanged], [0, 0, 10]);

    // A changed share is a correction with history, not a silent overwrite.
    const corrected = await importBytes(
      database,
      'elan',
      FIXTURE,
      encode(decode(fixtureBytes(FIXTURE)).replace('0.0681', '0.07')),
    );
    assert.deepEqual([corrected.rowsNew, corrected.rowsCorrected, corrected.rowsUnchanged], [0, 1, 9]);
    const revisions = await database.db.selectFrom('observation_revisions').select('value').execute();
    assert.deepEqual(
      revisions.map((row) => row.value),
      [6.81],
    );
  });
});

describe('ELAN wijkprofielen: the real GM1916 file 2009–2022', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
    const report = await importBytes(
      database,
      'grenzen',
      'buurten_2022_GM1916_rd.geojson',
      readFileSync(sharedFile('geometry', 'gm1916', 'buurten_2022_GM1916_rd.geojson')),
      { vintage: 2022 },
    );
    assert.equal(report.ok, true);
  });
  after(async () => {
    await database.destroy();
  });

  it('loads every wijk and year onto the 2022 indeling, with the README figures', async () => {
    const report = await importBytes(
      database,
      'elan',
      'gm1916_wijken_2009_2022.csv',
      readFileSync(REAL_FILE),
    );
    assert.equal(report.ok, true, report.errors.map(formatRowError).join('\n'));
    assert.deepEqual(
      [report.vintage, report.rowsTotal, report.rowsNew, report.rowsSkipped],
      [2022, 726, 726, 0],
    );
    const pct = async (code: string, period: string) => {
      const row = await observation(database, 'elan_inwoners_bijstand_pct', code, period);
      return row?.value === undefined || row.value === null ? undefined : Number(row.value.toFixed(1));
    };
    assert.equal(await pct('WK191602', '2017'), 6.8);
    assert.equal(await pct('WK191602', '2022'), 6.9);
    assert.equal(await pct('WK191606', '2017'), 6.9);
    assert.equal(await pct('WK191606', '2022'), 4.9);
    // Before 2011 ELAN has no income data: its zeros are not stored.
    assert.equal(await pct('WK191602', '2010'), undefined);
    assert.deepEqual(
      await database.db
        .selectFrom('observations')
        .select(['numerator', 'denominator'])
        .where('indicator_id', '=', 'elan_inwoners_bijstand_pct')
        .where('area_code', '=', 'WK191606')
        .where('period', '=', '2022')
        .executeTakeFirst(),
      { numerator: 165, denominator: 3380 },
    );
    const years = await database.db
      .selectFrom('observations')
      .select('period')
      .where('indicator_id', '=', 'elan_inwoners_bijstand_pct')
      .where('area_code', '=', 'WK191613')
      .orderBy('period')
      .execute();
    assert.deepEqual(
      years.map((row) => row.period),
      ['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022'],
    );

    const again = await importBytes(database, 'elan', 'gm1916_wijken_2009_2022.csv', readFileSync(REAL_FILE));
    assert.deepEqual([again.rowsNew, again.rowsCorrected, again.rowsUnchanged], [0, 0, 726]);
  });
});
