import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { levelOfCode } from '../../server/areas/areaCodes.ts';
import { discloseObservation, disclosureRuleOf } from '../../server/disclosure/applyDisclosure.ts';
import { formatRowError } from '../../server/imports/importFile.ts';
import {
  boundaryVintageForKwbYear,
  kwbYearFromName,
  stripColumnSuffix,
} from '../../server/imports/kwb/kwbColumnMap.ts';
import { parseKwb } from '../../server/imports/kwb/parseKwb.ts';
import { rollbackImport } from '../../server/imports/rollbackImport.ts';
import { sharedFile } from '../support/sharedData.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, fixtureBytes, importBytes, tableCounts } from './importTestSupport.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

describe('KWB: column map and pure parsing', () => {
  it('maps column keys on their name without the suffix that changes per year', () => {
    assert.equal(
      stripColumnSuffix('HuishoudensTot110VanSociaalMinimum_80'),
      'HuishoudensTot110VanSociaalMinimum',
    );
    assert.equal(stripColumnSuffix('k_0Tot15Jaar_8'), 'k_0Tot15Jaar');
    assert.equal(stripColumnSuffix('Codering_3 '), 'Codering');
  });

  it('recognises CBS codes, including the alphanumeric wijk/buurt parts used since 2022', () => {
    assert.equal(levelOfCode('BU0363TA06'), 'buurt');
    assert.equal(levelOfCode('WK0363TA'), 'wijk');
    assert.equal(levelOfCode('BU19160200'), 'buurt');
    assert.equal(levelOfCode('GM1916'), 'gemeente');
    assert.equal(levelOfCode('NL00'), 'land');
    assert.equal(levelOfCode('BU1916'), undefined);
  });

  it('knows the table year and the boundary vintage in force for it', () => {
    assert.equal(kwbYearFromName('kwb2024_85984NED_GM1916.csv'), 2024);
    assert.equal(kwbYearFromName('83765NED_TypedDataSet.json'), 2017);
    assert.equal(kwbYearFromName('kerncijfers.csv'), undefined);
    assert.equal(boundaryVintageForKwbYear(2017), 2017);
    assert.equal(boundaryVintageForKwbYear(2018), 2017);
    assert.equal(boundaryVintageForKwbYear(2019), 2022);
    assert.equal(boundaryVintageForKwbYear(2020), 2022);
    assert.equal(boundaryVintageForKwbYear(2024), 2022);
    assert.equal(boundaryVintageForKwbYear(2026), 2022);
    assert.equal(boundaryVintageForKwbYear(2010), undefined);
  });

  it('reads a `;` CSV with BOM, space-padded strings, "." and empty cells', () => {
    const parsed = parseKwb(decode(fixtureBytes('kwb2024_proef.csv')), { fileName: 'kwb2024_proef.csv' });
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.year, 2024);
    assert.equal(parsed.vintage, 2022);
    assert.equal(parsed.tableId, '85984NED');
    const find = (code: string, indicator: string) =>
      parsed.observations.find((row) => row.areaCode === code && row.indicatorId === indicator);
    assert.equal(find('GM9999', 'inwoners')?.value, 12345);
    assert.equal(find('GM9999', 'inwoners')?.countRounding, null);
    assert.equal(find('BU99990100', 'inwoners')?.countRounding, 5);
    assert.equal(find('GM9999', 'personen_met_bijstand')?.countRounding, 10);
    assert.equal(find('BU99990100', 'huurwoningen_pct')?.value, 60);
    assert.equal(find('BU99990100', 'huurwoningen_pct')?.valueRounding, 1);
    assert.equal(find('WK999901', 'huishoudens_onder_of_rond_sociaal_minimum_pct')?.confidential, true);
    assert.equal(find('WK999901', 'huishoudens_onder_of_rond_sociaal_minimum_pct')?.value, null);
    assert.deepEqual(
      {
        value: find('BU99990100', 'personen_met_bijstand')?.value,
        confidential: find('BU99990100', 'personen_met_bijstand')?.confidential,
      },
      { value: null, confidential: true },
    );
    // Empty = not published (yet): no observation at all.
    assert.equal(find('BU99990101', 'huishoudens'), undefined);
    assert.ok(parsed.ignoredColumns.includes('Mannen_6'));
    assert.deepEqual(
      parsed.regions.map((region) => [region.code, region.name, region.level]),
      [
        ['GM9999', 'Proefdorp', 'gemeente'],
        ['WK999901', 'Westwijk', 'wijk'],
        ['BU99990100', 'Noordhoek', 'buurt'],
        ['BU99990101', 'Zuidhoek', 'buurt'],
      ],
    );
  });

  it('reads the OData TypedDataSet JSON of 2017 with its own suffixes', () => {
    const parsed = parseKwb(decode(fixtureBytes('kwb2017_proef.json')), { fileName: 'download.json' });
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.year, 2017, 'year from the table id in odata.metadata');
    assert.equal(parsed.vintage, 2017);
    const tot110 = parsed.observations.filter(
      (row) => row.indicatorId === 'huishoudens_tot_110_sociaal_minimum_pct',
    );
    assert.deepEqual(
      tot110.map((row) => [row.areaCode, row.value, row.confidential]),
      [
        ['GM9999', 10.4, false],
        ['BU99990100', null, true],
      ],
    );
  });

  it('reports bad cells with line, column and a Dutch message', () => {
    const bad = 'Codering_3,AantalInwoners_5,HuishoudensTotaal_29\nGM9999,12000,veel\nXX12,5,5\nGM9999,1,1\n';
    const parsed = parseKwb(bad, { fileName: 'kwb2024.csv' });
    assert.deepEqual(parsed.errors.map(formatRowError), [
      "Regel 2, kolom HuishoudensTotaal_29: 'veel' is geen getal.",
      "Regel 3, kolom Codering_3: 'XX12' is geen CBS-gebiedscode (NL00, GM…, WK… of BU…).",
      'Regel 4, kolom Codering_3: Gebied GM9999 staat twee keer in het bestand (ook op regel 2).',
    ]);
    assert.deepEqual(
      parseKwb('Codering_3\tAantalInwoners_5\nGM9999\t1\n', { fileName: 'kwb2024.csv' }).errors.map(
        formatRowError,
      ),
      [
        'Regel 1: Het scheidingsteken is niet herkend: de kopregel bevat geen puntkomma (;) en geen komma (,).',
      ],
    );
    assert.deepEqual(
      parseKwb('Codering_3,AantalInwoners_5\nGM9999,1\n', { fileName: 'cijfers.csv' }).errors.map(
        formatRowError,
      ),
      [
        'Het jaar van deze KWB-tabel is onbekend: noem het in de bestandsnaam (bijv. kwb2024_…) of geef het jaar op (--jaar 2024).',
      ],
    );
    assert.deepEqual(
      parseKwb('Gemeentenaam_1,AantalInwoners_5\nProefdorp,1\n', { fileName: 'kwb2024.csv' }).errors.map(
        formatRowError,
      ),
      ['Regel 1, kolom Codering: De kolom met de gebiedscode (Codering_…) ontbreekt.'],
    );
  });
});

describe('KWB: counts carry their teller (D3)', () => {
  it('gives a count indicator its value as teller, so a bijstand count of 3 is suppressed', () => {
    const text = [
      'ID;WijkenEnBuurten;SoortRegio_2;Codering_3;PersonenPerSoortUitkeringBijstand_94;HuurwoningenTotaal_48',
      '1;Noordhoek;Buurt;BU99990100;3;60.0',
    ].join('\n');
    const result = parseKwb(text, { fileName: 'kwb-2024.csv', year: 2024 });
    const count = result.observations.find((o) => o.indicatorId === 'personen_met_bijstand');
    assert.ok(count, JSON.stringify(result.errors));
    assert.equal(count.value, 3);
    assert.equal(count.numerator, 3);
    const rule = disclosureRuleOf({ min_denominator: null, min_count: 5, unit: 'aantal' });
    assert.equal(discloseObservation(rule, count).suppressed?.reason, 'te_klein');
    // A share keeps its teller empty: its value is not a count.
    const share = result.observations.find((o) => o.indicatorId === 'huurwoningen_pct');
    assert.equal(share?.numerator, null);
  });
});

describe('KWB: import into the database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
    for (const vintage of [2017, 2022]) {
      const report = await importBytes(
        database,
        'grenzen',
        'buurten_proef_rd.geojson',
        fixtureBytes('buurten_2022_proef_rd.geojson'),
        { vintage },
      );
      assert.equal(report.ok, true);
    }
  });
  after(async () => {
    await database.destroy();
  });

  it('imports the hand-made CSV and JSON, and the same file twice changes nothing', async () => {
    const csv = await importBytes(database, 'kwb', 'kwb2024_proef.csv', fixtureBytes('kwb2024_proef.csv'));
    assert.equal(csv.ok, true, csv.errors.map(formatRowError).join('\n'));
    assert.equal(csv.rowsNew, csv.rowsTotal);
    const json = await importBytes(database, 'kwb', 'kwb2017_proef.json', fixtureBytes('kwb2017_proef.json'));
    assert.equal(json.ok, true, json.errors.map(formatRowError).join('\n'));
    const before = await tableCounts(database);
    const again = await importBytes(database, 'kwb', 'kwb2024_proef.csv', fixtureBytes('kwb2024_proef.csv'));
    assert.deepEqual([again.rowsNew, again.rowsCorrected, again.rowsUnchanged], [0, 0, csv.rowsTotal]);
    const afterCounts = await tableCounts(database);
    assert.equal(afterCounts.observations, before.observations);
    assert.equal(afterCounts.observation_revisions, before.observation_revisions);
  });

  it('turns a changed value into a correction with history, and rollback restores it', async () => {
    const corrected = decode(fixtureBytes('kwb2024_proef.csv')).replace(';12345;', ';12350;');
    const report = await importBytes(database, 'kwb', 'kwb2024_proef_v2.csv', encode(corrected));
    assert.deepEqual([report.rowsNew, report.rowsCorrected], [0, 1]);
    const observation = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', 'inwoners')
      .where('area_code', '=', 'GM9999')
      .where('period', '=', '2024')
      .executeTakeFirstOrThrow();
    assert.equal(observation.value, 12350);
    assert.equal(observation.import_id, report.importId);
    const revisions = await database.db
      .selectFrom('observation_revisions')
      .selectAll()
      .where('observation_id', '=', observation.id)
      .execute();
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]!.value, 12345);
    assert.equal(revisions[0]!.replaced_by_import_id, report.importId);

    await rollbackImport(database.db, report.importId!, 'test');
    const restored = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('id', '=', observation.id)
      .executeTakeFirstOrThrow();
    assert.equal(restored.value, 12345);
    assert.notEqual(restored.import_id, report.importId);
    const record = await database.db
      .selectFrom('imports')
      .select('status')
      .where('id', '=', report.importId!)
      .executeTakeFirstOrThrow();
    assert.equal(record.status, 'teruggedraaid');
    await assert.rejects(rollbackImport(database.db, report.importId!, 'test'), /is al teruggedraaid/);
  });

  it('refuses an unknown code inside a loaded gemeente, skips gemeenten without boundaries, writes nothing on error', async () => {
    const before = await tableCounts(database);
    const unknown = 'Codering_3;AantalInwoners_5\nGM9999;1\nBU99990999;5\n';
    const report = await importBytes(database, 'kwb', 'kwb2024_fout.csv', encode(unknown));
    assert.equal(report.ok, false);
    assert.deepEqual(report.errors.map(formatRowError), [
      "Regel 3, kolom Codering: Onbekende gebiedscode 'BU99990999' in indeling 2022: gemeente GM9999 is ingelezen, dit gebied niet. Lees eerst de grenzen van indeling 2022 in.",
    ]);
    const nonNumeric = await importBytes(
      database,
      'kwb',
      'kwb2024_fout.csv',
      encode('Codering_3;AantalInwoners_5\nGM9999;twaalf\n'),
    );
    assert.deepEqual(nonNumeric.errors.map(formatRowError), [
      "Regel 2, kolom AantalInwoners_5: 'twaalf' is geen getal.",
    ]);
    assert.deepEqual(await tableCounts(database), before);

    const elsewhere = await importBytes(
      database,
      'kwb',
      'kwb2024_elders.csv',
      encode('Codering_3;AantalInwoners_5\nGM9999;12345\nGM0001;500\nBU00010000;20\n'),
    );
    assert.equal(elsewhere.ok, true);
    assert.equal(elsewhere.rowsSkipped, 2);
    assert.deepEqual(elsewhere.warnings.map(formatRowError), [
      'Kolom Codering: 2 gebieden in 1 gemeenten zonder ingelezen grenzen (indeling 2022) zijn overgeslagen: GM0001. Lees eerst de grenzen van die gemeenten in, of gebruik --gebieden-aanmaken.',
    ]);
  });

  it('gives a wijk with only a stand-in name the name KWB uses, and leaves real names alone', async () => {
    await database.db
      .updateTable('areas')
      .set({ name: 'Wijk 02' })
      .where('code', '=', 'WK999902')
      .where('vintage', '=', 2022)
      .execute();
    const csv =
      'Codering_3;WijkenEnBuurten;AantalInwoners_5\nWK999902;Oostwijk aan Zee;3000\nWK999901;Andere naam;4000\n';
    const report = await importBytes(database, 'kwb', 'kwb2024_namen.csv', encode(csv));
    assert.equal(report.ok, true);
    const names = await database.db
      .selectFrom('areas')
      .select(['code', 'name'])
      .where('code', 'in', ['WK999901', 'WK999902'])
      .where('vintage', '=', 2022)
      .orderBy('code')
      .execute();
    assert.deepEqual(
      names.map((row) => row.name),
      ['Westwijk', 'Oostwijk aan Zee'],
    );
  });

  it('creates areas without geometry for the rest of the country when asked', async () => {
    const report = await importBytes(
      database,
      'kwb',
      'kwb2024_elders.csv',
      encode('Codering_3;WijkenEnBuurten;AantalInwoners_5\nGM0001;GM0001;500\nBU00010000;BU00010000;20\n'),
      {
        createMissingAreas: true,
      },
    );
    assert.equal(report.ok, true);
    assert.equal(report.rowsNew, 2);
    const area = await database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', 'BU00010000')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [area.level, area.parent_code, area.gemeente_code, area.geometry],
      ['buurt', 'WK000100', 'GM0001', null],
    );
  });

  it('loads the real GM1916 KWB files: BU19160200 has 4 670 inwoners in 2024 and 13,5% onder of rond het sociaal minimum in 2017', async () => {
    for (const file of ['buurten_2022_GM1916_rd.geojson', 'buurten_2017_GM1916_rd.geojson']) {
      const report = await importBytes(
        database,
        'grenzen',
        file,
        readFileSync(sharedFile('geometry', 'gm1916', file)),
      );
      assert.equal(report.ok, true);
    }
    const kwb2024 = await importBytes(
      database,
      'kwb',
      'kwb2024_85984NED_GM1916.csv',
      readFileSync(sharedFile('kwb', 'gm1916', 'kwb2024_85984NED_GM1916.csv')),
    );
    assert.equal(kwb2024.ok, true, kwb2024.errors.map(formatRowError).join('\n'));
    const kwb2017 = await importBytes(
      database,
      'kwb',
      'kwb2017_83765NED_GM1916_subset.csv',
      readFileSync(sharedFile('kwb', 'gm1916', 'kwb2017_83765NED_GM1916_subset.csv')),
    );
    assert.equal(kwb2017.ok, true, kwb2017.errors.map(formatRowError).join('\n'));
    const json2024 = await importBytes(
      database,
      'kwb',
      'kwb2024_85984NED_GM1916.json',
      readFileSync(sharedFile('kwb', 'gm1916', 'kwb2024_85984NED_GM1916.json')),
    );
    assert.equal(json2024.ok, true);
    assert.equal(json2024.rowsUnchanged, kwb2024.rowsTotal, 'the JSON copy holds the same values as the CSV');

    const value = async (indicator: string, code: string, vintage: number, period: string) =>
      (
        await database.db
          .selectFrom('observations')
          .selectAll()
          .where('indicator_id', '=', indicator)
          .where('area_code', '=', code)
          .where('vintage', '=', vintage)
          .where('period', '=', period)
          .executeTakeFirst()
      )?.value;
    assert.equal(await value('inwoners', 'BU19160200', 2022, '2024'), 4670);
    assert.equal(await value('huurwoningen_pct', 'BU19160200', 2022, '2024'), 69);
    assert.equal(await value('corporatiewoningen_pct', 'BU19160200', 2022, '2024'), 59);
    assert.equal(await value('inwoners', 'GM1916', 2022, '2024'), 78229);
    assert.equal(await value('huishoudens', 'WK191606', 2022, '2024'), 1800);
    assert.equal(
      await value('huishoudens_onder_of_rond_sociaal_minimum_pct', 'BU19160200', 2017, '2017'),
      13.5,
    );
    assert.equal(
      await value('huishoudens_onder_of_rond_sociaal_minimum_pct', 'BU19160600', 2017, '2017'),
      12.5,
    );
    assert.equal(await value('gemiddeld_inkomen_per_inwoner', 'BU19160200', 2017, '2017'), 18.4);
    // KWB 2024 left bijstand empty for GM1916: no observation rather than a zero.
    assert.equal(await value('personen_met_bijstand', 'BU19160200', 2022, '2024'), undefined);
    const nl = await database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', 'NL00')
      .where('vintage', '=', 2022)
      .executeTakeFirstOrThrow();
    assert.deepEqual([nl.level, nl.name], ['land', 'Nederland']);
  });
});
