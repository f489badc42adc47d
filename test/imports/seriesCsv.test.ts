import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { formatRowError } from '../../server/imports/importFile.ts';
import { loadDataPacks, packsDir, readDataPacks } from '../../server/imports/packs/dataPacks.ts';
import { parseSeriesCsv } from '../../server/imports/series/parseSeriesCsv.ts';
import { createLogger } from '../../server/logger.ts';
import { sharedFile } from '../support/sharedData.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, importBytes, tableCounts } from './importTestSupport.ts';

const HEADER = 'gebiedscode;indicator;periode;waarde;teller;noemer;bron;flag';
const encode = (text: string) => new TextEncoder().encode(text);
const seriesFile = (name: string) => readFileSync(sharedFile('series-gm1916', name), 'utf8');

async function values(database: TestDatabase, indicator: string, code: string) {
  return database.db
    .selectFrom('observations')
    .select([
      'period',
      'year',
      'vintage',
      'value',
      'numerator',
      'denominator',
      'source',
      'flags',
      'interval_low',
      'interval_high',
    ])
    .where('indicator_id', '=', indicator)
    .where('area_code', '=', code)
    .orderBy('period')
    .execute();
}

describe('long-format series: the real files parse as they are', () => {
  for (const name of [
    'cbs_arbeidsdeelname_wijkenbuurten_2019_2023_GM1916.csv',
    'elan_wijkprofielen_v7_2009_2024_GM1916.csv',
    'cbs_sociaal_domein_wijken_2015_2024_GM1916.csv',
    'cbs_wmo_clienten_wijken_2015_2024_GM1916.csv',
    'cbs_jeugdzorg_wijken_2016_2024_GM1916.csv',
    'cbs_bijstand_gemeente_GM1916_NL.csv',
    'cbs_gezondheidsmonitor_gemeente_2012_2022_GM1916_NL.csv',
    'rivm_gezondheidsmonitor_wijken_2016_GM1916.csv',
  ]) {
    it(name, () => {
      const parsed = parseSeriesCsv(seriesFile(name));
      assert.deepEqual(parsed.errors.map(formatRowError), []);
      assert.ok(parsed.observations.length > 0);
      assert.equal(
        parsed.rowsRead,
        parsed.observations.length +
          parsed.rowsMissing +
          2 * parsed.observations.filter((row) => row.intervalLow != null).length,
      );
    });
  }

  it('the pack copies are the shared files byte for byte', () => {
    const pack = readDataPacks().find((p) => p.id === 'gm1916')!;
    for (const file of pack.files.filter((f) => f.kind === 'reeks')) {
      assert.equal(
        readFileSync(path.join(packsDir, 'gm1916', file.path), 'utf8'),
        seriesFile(file.path),
        file.path,
      );
    }
  });
});

describe('long-format series: bad files are refused whole, with Dutch row errors', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'decimal comma',
      ['GM1916;mantelzorger_pct;2020;12,5;;;CBS;'],
      /Regel 2, kolom waarde: '12,5' is geen getal in dit formaat: schrijf een decimale punt/,
    ],
    [
      'half year H3',
      ['GM1916;wmo_clienten;2019H3;10;;;CBS;'],
      /Regel 2, kolom periode: '2019H3' is geen periode/,
    ],
    [
      'empty value without flag',
      ['GM1916;wmo_clienten;2019;;;;CBS;'],
      /Regel 2, kolom waarde: De waarde ontbreekt; .*ontbreekt_in_bron/,
    ],
    ['no source', ['GM1916;wmo_clienten;2019;10;;;;'], /Regel 2, kolom bron: De bron ontbreekt/],
    [
      'bad area code',
      ['Leidschendam;wmo_clienten;2019;10;;;CBS;'],
      /Regel 2, kolom gebiedscode: 'Leidschendam' is geen CBS-gebiedscode/,
    ],
    [
      'duplicate',
      ['GM1916;wmo_clienten;2019;10;;;CBS;', 'GM1916;wmo_clienten;2019;11;;;CBS;'],
      /Regel 3: Dubbele regel: GM1916, wmo_clienten, 2019 staat ook op regel 2/,
    ],
    [
      'interval end without value',
      [
        'GM1916;mantelzorger_pct_ondergrens95;2020;10;;;CBS;',
        'GM1916;mantelzorger_pct_bovengrens95;2020;14;;;CBS;',
      ],
      /Regel 2, kolom indicator: Een grens van het 95%-interval zonder waarde: GM1916, mantelzorger_pct, 2020/,
    ],
    [
      'interval not around the value',
      [
        'GM1916;mantelzorger_pct;2020;20;;;CBS;',
        'GM1916;mantelzorger_pct_ondergrens95;2020;10;;;CBS;',
        'GM1916;mantelzorger_pct_bovengrens95;2020;14;;;CBS;',
      ],
      /Regel 3, kolom waarde: Het 95%-interval 10–14 van GM1916, mantelzorger_pct, 2020 bevat de waarde 20 niet/,
    ],
  ];
  for (const [name, rows, expected] of cases) {
    it(name, () => {
      const parsed = parseSeriesCsv([HEADER, ...rows].join('\n'));
      assert.match(parsed.errors.map(formatRowError).join('\n'), expected);
    });
  }

  it('a missing column names the expected header', () => {
    const parsed = parseSeriesCsv(
      'gebiedscode;indicator;periode;waarde;teller;noemer;bron\nGM1916;x;2020;1;;;CBS',
    );
    assert.match(
      formatRowError(parsed.errors[0]!),
      /Regel 1, kolom flag: De kolom 'flag' ontbreekt in de kopregel/,
    );
  });

  describe('against the database', () => {
    let database: TestDatabase;
    before(async () => {
      database = await createImportTestDatabase();
      const results = await loadDataPacks(database.db, { actor: 'test', dir: path.join(packsDir) });
      assert.deepEqual(
        results.map((r) => [r.id, r.status, r.errors]),
        readDataPacks().map((p) => [p.id, 'geladen', []]),
      );
    });
    after(() => database.destroy());

    it('a real file with one bad row among good ones writes nothing, and names each bad row', async () => {
      const counts = await tableCounts(database);
      const good = seriesFile('cbs_wmo_clienten_wijken_2015_2024_GM1916.csv').trimEnd().split('\n');
      const text = [
        ...good.slice(0, 40),
        'WK191613;wmo_clienten;2017;10;;;CBS;',
        'WK191602;wmo_clienten_onbekend;2020;10;;;CBS;',
        ...good.slice(40),
      ].join('\n');
      const report = await importBytes(database, 'reeks', 'wmo_fout.csv', encode(text));
      assert.equal(report.ok, false);
      assert.deepEqual(report.errors.map(formatRowError), [
        "Regel 41, kolom gebiedscode: Gebied 'WK191613' bestaat niet in indeling 2017 (de indeling van 2017). Lees eerst de grenzen van die indeling in.",
        "Regel 42, kolom indicator: Onbekende indicator 'wmo_clienten_onbekend': die staat niet in geodata/indicators.json.",
      ]);
      assert.deepEqual(await tableCounts(database), counts);
    });

    it('netto arbeidsparticipatie of Prinsenhof hoog 2019–2023 with counts, source and name-matched flag per value', async () => {
      const rows = await values(database, 'netto_arbeidsparticipatie_pct', 'BU19160200');
      assert.deepEqual(
        rows.map((r) => [r.period, r.vintage, r.value]),
        [
          ['2019', 2022, 58],
          ['2020', 2022, 56],
          ['2021', 2022, 57],
          ['2022', 2022, 59],
          ['2023', 2022, 60],
        ],
      );
      assert.deepEqual([rows[0]!.numerator, rows[0]!.denominator], [1880, 3260]);
      assert.match(rows[0]!.source, /^CBS 85118NED Arbeidsdeelname/);
      assert.match(rows[4]!.source, /^CBS 86089NED/);
      assert.match(rows[0]!.flags ?? '', /^regiocode_afgeleid_uit_volgorde_en_naam\(KWB2024_85984NED\)$/);
      // Leidsenhage has no figures in the source: not stored.
      assert.deepEqual(await values(database, 'netto_arbeidsparticipatie_pct', 'BU19160103'), []);
    });

    it('ELAN v7 bijstand for Prinsenhof 2011–2023, all years on the 2022 wijken', async () => {
      const rows = await values(database, 'aandeel_inwoners_met_bijstand_pct', 'WK191602');
      assert.equal(rows.at(-1)!.period, '2023');
      assert.ok(rows.every((r) => r.vintage === 2022));
      assert.equal(rows.find((r) => r.period === '2017')!.value, 6.9);
    });

    it('half years and the indeling rule: 2018H1 on the 12 wijken of 2017, 2019H1 on the 13 wijken', async () => {
      const rows = await values(database, 'clienten_met_voorziening_sociaal_domein', 'WK191602');
      const byPeriod = new Map(rows.map((r) => [r.period, r]));
      assert.equal(byPeriod.get('2018H1')?.vintage, 2017);
      assert.equal(byPeriod.get('2019H1')?.vintage, 2022);
      assert.equal(byPeriod.get('2019H1')?.year, 2019);
      assert.equal(byPeriod.get('2018H1')?.flags, 'wijkindeling_tm2018(12_wijken)');
      assert.ok(byPeriod.has('2024H1'));
      const voorburgOud = await values(database, 'clienten_met_voorziening_sociaal_domein', 'WK191613');
      assert.ok(
        voorburgOud.every((r) => r.year >= 2019),
        'WK191613 only exists from 2019',
      );
    });

    it('95% intervals are stored with their value; NL gets an area in the 2017 indeling', async () => {
      const rows = await values(database, 'ervaren_gezondheid_goed_zeer_goed_pct', 'GM1916');
      const row2020 = rows.find((r) => r.period === '2020')!;
      assert.ok(row2020.interval_low! < row2020.value! && row2020.value! < row2020.interval_high!);
      const nl = await values(database, 'ervaren_gezondheid_goed_zeer_goed_pct', 'NL00');
      assert.deepEqual(
        nl.map((r) => [r.period, r.vintage]),
        [
          ['2012', 2017],
          ['2016', 2017],
          ['2020', 2022],
          ['2022', 2022],
        ],
      );
      const maatstaf = await values(
        database,
        'personen_met_bijstand_tot_aow_maatstaf_gemeentefonds',
        'GM1916',
      );
      assert.deepEqual(
        maatstaf.map((r) => [r.period, r.value]),
        [
          ['2016', 2020],
          ['2017', 2120],
          ['2018', 2250],
        ],
      );
      assert.match(maatstaf[0]!.flags ?? '', /periode_in_bron=maatstafjaar_2016/);
    });

    it('the API and the CSV export carry bron, flags, half years and intervals', async () => {
      const config = { ...readConfig({ LOG_LEVEL: 'silent' }), databaseUrl: database.databaseUrl };
      const app = createApp({ db: database.db, config, logger: createLogger('silent') });
      const api = await request(app).get(
        '/api/v1/waarnemingen?indicator=netto_arbeidsparticipatie_pct&gebied=BU19160200',
      );
      assert.equal(api.status, 200);
      assert.equal(api.body.waarnemingen.length, 5);
      assert.deepEqual(api.body.waarnemingen[0].bronvlaggen, [
        'regiocode_afgeleid_uit_volgorde_en_naam(KWB2024_85984NED)',
      ]);
      assert.match(api.body.waarnemingen[0].bron, /85118NED/);
      const gezond = await request(app).get(
        '/api/v1/waarnemingen?indicator=ervaren_gezondheid_goed_zeer_goed_pct&gebied=GM1916&periode=2020',
      );
      const g = gezond.body.waarnemingen[0];
      assert.ok(g.interval95.onder < g.waarde && g.waarde < g.interval95.boven);

      const csv = await request(app).get(
        '/api/v1/exports/waarnemingen.csv?dialect=standaard&indicator=clienten_met_voorziening_sociaal_domein,ervaren_gezondheid_goed_zeer_goed_pct&gebied=WK191602,GM1916',
      );
      assert.equal(csv.status, 200);
      const records = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
      const half = records.find((r) => r.gebiedscode === 'WK191602' && r.periode === '2019H1');
      assert.ok(half, 'half year 2019H1 in the export');
      assert.equal(half.indeling, '2022');
      const withInterval = records.find(
        (r) => r.indicator === 'ervaren_gezondheid_goed_zeer_goed_pct' && r.periode === '2020',
      )!;
      assert.equal(Number(withInterval.ondergrens95), g.interval95.onder);
      assert.equal(Number(withInterval.bovengrens95), g.interval95.boven);
      assert.match(withInterval.bronvlaggen!, /regiocode_afgeleid_uit_gemeentenaam/);
      assert.match(withInterval.bron!, /^CBS 85012NED/);
    });

    it('a pack loaded once is not loaded again', async () => {
      const before = await tableCounts(database);
      const again = await loadDataPacks(database.db, { actor: 'test' });
      assert.deepEqual(
        again.map((r) => r.status),
        readDataPacks().map(() => 'al geladen'),
      );
      assert.deepEqual(await tableCounts(database), before);
    });
  });
});
