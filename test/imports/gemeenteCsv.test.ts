import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseGemeenteCsv } from '../../server/imports/gemeente/parseGemeenteCsv.ts';
import { formatRowError } from '../../server/imports/importFile.ts';
import { rollbackImport } from '../../server/imports/rollbackImport.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, fixtureBytes, importBytes, tableCounts } from './importTestSupport.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const HEADER = 'gebiedscode;indicator;periode;waarde;teller;noemer;flags';

describe('gemeentecijfers: pure parsing', () => {
  it('reads both dialects to the same observations', () => {
    const semicolon = parseGemeenteCsv(new TextDecoder().decode(fixtureBytes('gemeente_puntkomma.csv')));
    const comma = parseGemeenteCsv(new TextDecoder().decode(fixtureBytes('gemeente_komma.csv')));
    assert.deepEqual(semicolon.errors, []);
    assert.deepEqual(comma.errors, []);
    assert.deepEqual(semicolon.observations, comma.observations);
    const [first, secret, range, rounded] = semicolon.observations;
    assert.deepEqual(
      [
        first!.areaCode,
        first!.indicatorId,
        first!.period,
        first!.year,
        first!.value,
        first!.numerator,
        first!.denominator,
        first!.provisional,
      ],
      ['BU99990100', 'bijstand_huishoudens_pct', '2020', 2020, 12.5, 110, 880, true],
    );
    assert.deepEqual([secret!.value, secret!.confidential], [null, true]);
    assert.deepEqual([range!.period, range!.year], ['2017-2021', 2021]);
    assert.equal(rounded!.countRounding, 10);
  });

  it('rejects unknown flags and a point decimal in a `;` file', () => {
    const parsed = parseGemeenteCsv(
      `${HEADER}\nBU99990100;bijstand_huishoudens_pct;2020;12.5;;;\nBU99990100;meedoen_pct;2020;50;;;belangrijk\n`,
    );
    assert.deepEqual(parsed.errors.map(formatRowError), [
      "Regel 2, kolom waarde: '12.5' is geen getal in dit bestand: bij een puntkomma als scheidingsteken hoort een decimale komma (12,5).",
      "Regel 3, kolom flags: Onbekende vlag 'belangrijk'; bekend zijn voorlopig, geheim, afgerond:N en waarde-afgerond:N.",
    ]);
  });
});

describe('gemeentecijfers: import into the database', () => {
  let database: TestDatabase;
  let scratch: string;
  before(async () => {
    database = await createImportTestDatabase();
    const boundaries = await importBytes(
      database,
      'grenzen',
      'buurten_2022_proef_rd.geojson',
      fixtureBytes('buurten_2022_proef_rd.geojson'),
    );
    assert.equal(boundaries.ok, true);
    scratch = mkdtempSync(path.join(tmpdir(), 'buurtpeil-import-'));
  });
  after(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await database.destroy();
  });

  /** Imports and asserts the exact errors and that no table changed. */
  async function assertRefused(fileName: string, bytes: Uint8Array, expected: string[]) {
    const before = await tableCounts(database);
    const report = await importBytes(database, 'gemeentecijfers', fileName, bytes);
    assert.equal(report.ok, false);
    assert.equal(report.importId, null);
    assert.deepEqual(report.errors.map(formatRowError), expected);
    assert.deepEqual(await tableCounts(database), before, 'nothing was written');
  }

  it('dry run validates and counts without writing', async () => {
    const before = await tableCounts(database);
    const report = await importBytes(
      database,
      'gemeentecijfers',
      'gemeente_puntkomma.csv',
      fixtureBytes('gemeente_puntkomma.csv'),
      { dryRun: true },
    );
    assert.equal(report.ok, true);
    assert.equal(report.rowsNew, 4);
    assert.deepEqual(await tableCounts(database), before);
  });

  it('imports the `;` file; the `,` file with the same figures changes nothing', async () => {
    const first = await importBytes(
      database,
      'gemeentecijfers',
      'gemeente_puntkomma.csv',
      fixtureBytes('gemeente_puntkomma.csv'),
    );
    assert.equal(first.ok, true, first.errors.map(formatRowError).join('\n'));
    assert.deepEqual([first.rowsTotal, first.rowsNew], [4, 4]);
    const stored = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .where('area_code', '=', 'BU99990100')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [
        stored.value,
        stored.numerator,
        stored.denominator,
        stored.provisional,
        stored.vintage,
        stored.import_id,
      ],
      [12.5, 110, 880, true, 2022, first.importId],
    );
    const before = await tableCounts(database);
    const second = await importBytes(
      database,
      'gemeentecijfers',
      'gemeente_komma.csv',
      fixtureBytes('gemeente_komma.csv'),
    );
    assert.deepEqual([second.rowsNew, second.rowsCorrected, second.rowsUnchanged], [0, 0, 4]);
    const afterCounts = await tableCounts(database);
    assert.equal(afterCounts.observations, before.observations);
    assert.equal(afterCounts.observation_revisions, before.observation_revisions);
  });

  it('keeps the previous value of a correction, and rollback brings it back', async () => {
    const corrected = `${HEADER}\nBU99990100;bijstand_huishoudens_pct;2020;12,7;112;880;\nBU99990201;bijstand_huishoudens_pct;2020;8,0;70;875;\n`;
    const report = await importBytes(database, 'gemeentecijfers', 'correctie.csv', encode(corrected));
    assert.deepEqual([report.rowsNew, report.rowsCorrected, report.rowsUnchanged], [1, 1, 0]);
    const observation = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .where('area_code', '=', 'BU99990100')
      .executeTakeFirstOrThrow();
    assert.deepEqual([observation.value, observation.provisional], [12.7, false]);
    const history = await database.db
      .selectFrom('observation_revisions')
      .selectAll()
      .where('observation_id', '=', observation.id)
      .execute();
    assert.deepEqual(
      history.map((revision) => [
        revision.value,
        revision.numerator,
        revision.provisional,
        revision.replaced_by,
        revision.replaced_by_import_id,
      ]),
      [[12.5, 110, true, 'test', report.importId]],
    );

    await rollbackImport(database.db, report.importId!, 'test');
    const restored = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('id', '=', observation.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([restored.value, restored.provisional], [12.5, true]);
    const created = await database.db
      .selectFrom('observations')
      .select('id')
      .where('area_code', '=', 'BU99990201')
      .execute();
    assert.equal(created.length, 0, 'the observation the import created is gone');
  });

  it('refuses a wrong delimiter', async () => {
    await assertRefused(
      'tabs.csv',
      encode('gebiedscode\tindicator\tperiode\twaarde\nBU99990100\tmeedoen_pct\t2020\t50\n'),
      [
        'Regel 1: Het scheidingsteken is niet herkend (het lijkt met tabs gescheiden): gebruik een puntkomma (;) met decimale komma, of een komma (,) met decimale punt.',
      ],
    );
  });

  it('refuses latin-1 text', async () => {
    const latin1 = Buffer.from(
      `${HEADER}\nBU99990100;meedoen_pct;2020;50;;;\nBU99990101;meedoen_pct;2020;51;;;opmerking: ge\u00EFnterviewd\n`,
      'latin1',
    );
    await assertRefused('latin1.csv', latin1, [
      "Regel 3: Het bestand is geen geldige UTF-8-tekst; waarschijnlijk is het opgeslagen als Latin-1/ANSI. Sla het op als 'CSV UTF-8' en lees het opnieuw in.",
    ]);
  });

  it('refuses a missing column', async () => {
    await assertRefused(
      'zonder_waarde.csv',
      encode('gebiedscode;indicator;periode;teller;noemer;flags\nBU99990100;meedoen_pct;2020;;;\n'),
      [
        "Regel 1, kolom waarde: De kolom 'waarde' ontbreekt in de kopregel (gevonden: 'gebiedscode', 'indicator', 'periode', 'teller', 'noemer', 'flags').",
      ],
    );
  });

  it('refuses an unknown area code and an unknown indicator', async () => {
    await assertRefused(
      'onbekend.csv',
      encode(
        `${HEADER}\nBU99990100;meedoen_pct;2020;50;;;\nBU99999999;meedoen_pct;2020;50;;;\nBU99990101;geluk_pct;2020;50;;;\n`,
      ),
      [
        "Regel 3, kolom gebiedscode: Onbekende gebiedscode 'BU99999999'.",
        "Regel 4, kolom indicator: Onbekende indicator 'geluk_pct'.",
      ],
    );
  });

  it('refuses a non-numeric value', async () => {
    await assertRefused(
      'tekst.csv',
      encode(`${HEADER}\nBU99990100;meedoen_pct;2020;50;;;\nBU99990101;meedoen_pct;2020;twaalf;;;\n`),
      ["Regel 3, kolom waarde: 'twaalf' is geen getal."],
    );
  });

  it('refuses duplicate rows', async () => {
    await assertRefused(
      'dubbel.csv',
      encode(
        `${HEADER}\nBU99990100;meedoen_pct;2020;50;;;\nBU99990101;meedoen_pct;2020;51;;;\nBU99990100;meedoen_pct;2020;52;;;\n`,
      ),
      ['Regel 4: Dubbele regel: BU99990100, meedoen_pct, 2020 staat ook op regel 2.'],
    );
  });

  it('refuses an empty file and a file with only a header', async () => {
    await assertRefused('leeg.csv', new Uint8Array(), ['Het bestand is leeg.']);
    await assertRefused('leeg2.csv', encode('\uFEFF\n\n'), ['Het bestand is leeg.']);
    await assertRefused('kop.csv', encode(`${HEADER}\n`), [
      'Het bestand bevat alleen een kopregel en geen gegevens.',
    ]);
  });

  it('refuses a file of 50 MB before reading it', async () => {
    const file = path.join(scratch, 'groot.csv');
    const row = 'BU99990100;meedoen_pct;2020;50;;;\n';
    const rows = Math.ceil((50 * 1024 * 1024 - HEADER.length) / row.length);
    writeFileSync(file, `${HEADER}\n${row.repeat(rows)}`);
    const bytes = readFileSync(file);
    assert.ok(bytes.byteLength >= 50 * 1024 * 1024);
    await assertRefused('groot.csv', bytes, [
      'Het bestand is 50,0 MB; de grens voor gemeentecijfers is 20 MB. Splits het bestand op (bijvoorbeeld per jaar of per indicator) en lees de delen na elkaar in.',
    ]);
  });

  it('reports every bad row of a file at once', async () => {
    await assertRefused(
      'fouten.csv',
      encode(
        `${HEADER}\nBU99990100;meedoen_pct;20x0;50;;;\nBU99990100;meedoen_pct;2021;;;;\nBU99990101;meedoen_pct;2021;40;90;80;\n`,
      ),
      [
        "Regel 2, kolom periode: '20x0' is geen periode; schrijf een jaar (2020) of een reeks jaren (2017-2021).",
        'Regel 3, kolom waarde: De waarde ontbreekt; laat de waarde alleen leeg met de vlag geheim.',
        'Regel 4, kolom teller: De teller (90) is groter dan de noemer (80).',
      ],
    );
  });
});
