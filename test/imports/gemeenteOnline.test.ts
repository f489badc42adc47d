import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { loadGemeenteOnline, type OnlineSources } from '../../server/imports/online/loadGemeenteOnline.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, tableCounts } from './importTestSupport.ts';
import { closedPortUrl, type ReplayServer, startReplayServer } from './onlineReplayServer.ts';

/** The years the fixtures hold: KWB 2024 and Arbeidsdeelname 2023, both on indeling 2022. */
const YEARS = { kwbYears: [2024], arbeidsdeelnameYears: [2023] };

describe('one gemeente online (BUURTPEIL_GEMEENTE), against a local replay of PDOK and CBS', () => {
  let database: TestDatabase;
  let replay: ReplayServer;
  let empty: Record<string, number>;
  const sources = (extra: Partial<OnlineSources> = {}): OnlineSources => ({
    pdokBaseUrl: replay.pdokBaseUrl,
    cbsODataBaseUrl: replay.cbsODataBaseUrl,
    timeoutMs: 2_000,
    pdokPageSize: 2,
    ...extra,
  });
  const load = (extra: Partial<OnlineSources> = {}) =>
    loadGemeenteOnline(database.db, 'GM9999', { actor: 'test', sources: sources(extra), ...YEARS });

  before(async () => {
    database = await createImportTestDatabase();
    replay = await startReplayServer();
    empty = await tableCounts(database);
  });
  after(async () => {
    await replay.close();
    await database.destroy();
  });

  // The failures come first, on the empty database: each must leave it exactly as it was.
  const failures: [string, string, RegExp][] = [
    ['a 500 on the last table', '/cbs/86089NED/TypedDataSet', /86089NED\/TypedDataSet.*gaf HTTP 500\./],
    ['a timeout halfway through a page', '$skiptoken', /127\.0\.0\.1:\d+ antwoordde niet op tijd/],
    ['a malformed body', '/collections/wijken/', /stuurde geen geldige JSON terug/],
  ];
  for (const [name, part, message] of failures) {
    it(`${name}: a clear Dutch message and nothing written`, async () => {
      replay.faults.clear();
      replay.faults.set(
        part,
        name.includes('500') ? 'http500' : name.includes('timeout') ? 'slow' : 'malformed',
      );
      const result = await load({ timeoutMs: 300 });
      assert.equal(result.status, 'mislukt');
      assert.match(result.message, /^Ophalen van GM9999 is mislukt: /);
      assert.match(result.message, message);
      assert.match(result.message, /Er is niets opgeslagen\.$/);
      assert.deepEqual(await tableCounts(database), empty);
    });
  }

  it('a value the KWB importer refuses rolls back the boundaries already imported in the same run', async () => {
    replay.faults.clear();
    replay.faults.set('/cbs/86089NED/TypedDataSet', 'badValue');
    const result = await load();
    assert.equal(result.status, 'mislukt');
    assert.match(
      result.message,
      /^Inlezen van GM9999 is mislukt: Arbeidsdeelname 2023 GM9999 \(86089NED\) is geweigerd \(1 fout\(en\)\): Regel 3, kolom NettoArbeidsparticipatie_3: 'negenenzestig' is geen getal\./,
    );
    assert.deepEqual(await tableCounts(database), empty);
  });

  it('offline: says so in one sentence, tells how to load files, writes nothing', async () => {
    const closed = await closedPortUrl();
    const result = await load({ pdokBaseUrl: `${closed}/pdok`, cbsODataBaseUrl: `${closed}/cbs` });
    assert.equal(result.status, 'offline');
    assert.match(
      result.message,
      /^PDOK en CBS zijn niet bereikbaar \(127\.0\.0\.1:\d+: ECONNREFUSED\), dus de grenzen en cijfers van GM9999 zijn niet opgehaald; /,
    );
    assert.match(result.message, /npm run import -- grenzen <bestand\.geojson>/);
    assert.equal(result.message.split(/\.\s/).length, 1, 'one sentence');
    assert.deepEqual(await tableCounts(database), empty);
  });

  it('refuses a code that is not a gemeente code, before asking anything', async () => {
    const before = replay.requests.length;
    const result = await loadGemeenteOnline(database.db, 'Leiden', { actor: 'test', sources: sources() });
    assert.equal(result.status, 'mislukt');
    assert.match(result.message, /'Leiden' is geen CBS-gemeentecode/);
    assert.equal(replay.requests.length, before);
  });

  it('loads boundaries (paged), KWB and Arbeidsdeelname of the gemeente in one go', async () => {
    replay.faults.clear();
    const first = replay.requests.length;
    const result = await load();
    assert.equal(result.status, 'geladen', result.message);
    const asked = replay.requests.slice(first);
    assert.equal(asked.length, 4 + 2 + 3, asked.join('\n'));
    assert.ok(
      asked.some((request) => request.includes('cursor=Ab12')),
      'PDOK page 2 via links[rel=next]',
    );
    assert.ok(
      asked.some((request) => request.includes('$skiptoken=')),
      'CBS page 2 via odata.nextLink',
    );
    assert.match(
      result.message,
      /^GM9999 is opgehaald bij PDOK en CBS: grenzen van indeling 2022, \d+ waarden uit 2 CBS-tabellen\.$/,
    );
    assert.deepEqual(result.warnings, [
      'KWB 2024 GM9999 (85984NED): 1 gebieden staan niet in indeling 2022 en zijn overgeslagen (BU99990299).',
    ]);

    const areas = await database.db
      .selectFrom('areas')
      .select(['code', 'level', 'name'])
      .where('vintage', '=', 2022)
      .where('geometry', 'is not', null)
      .orderBy('code')
      .execute();
    assert.deepEqual(
      areas.map((area) => [area.code, area.level, area.name]),
      [
        ['BU99990100', 'buurt', 'Noordhoek'],
        ['BU99990101', 'buurt', 'Zuidhoek'],
        ['BU99990200', 'buurt', 'Oosthoek'],
        ['BU99990201', 'buurt', 'Westhoek'],
        ['GM9999', 'gemeente', 'Proefdorp'],
        ['WK999901', 'wijk', 'Westkant'],
        ['WK999902', 'wijk', 'Oostkant'],
      ],
      'wijken and gemeente come from their own PDOK collections (with their names), not derived',
    );

    const observation = (indicator: string, code: string) =>
      database.db
        .selectFrom('observations')
        .select(['value', 'numerator', 'denominator', 'confidential', 'period', 'source'])
        .where('indicator_id', '=', indicator)
        .where('area_code', '=', code)
        .executeTakeFirst();
    assert.deepEqual(await observation('netto_arbeidsparticipatie_pct', 'BU99990100'), {
      value: 69,
      numerator: 500,
      denominator: 720,
      confidential: false,
      period: '2023',
      source: 'CBS, Arbeidsdeelname; wijken en buurten, 2023 (86089NED)',
    });
    // CBS "." is a value withheld: stored as such, without a number; an empty cell is no row.
    assert.deepEqual(await observation('koopwoningen_pct', 'WK999901'), {
      value: null,
      numerator: null,
      denominator: null,
      confidential: true,
      period: '2024',
      source: 'CBS, Kerncijfers wijken en buurten 2024 (85984NED)',
    });
    assert.equal(await observation('koopwoningen_pct', 'BU99990100'), undefined);
    assert.equal(await observation('netto_arbeidsparticipatie_pct', 'BU99990101'), undefined);
    assert.equal((await observation('inwoners', 'NL00'))?.value, 17942942, 'Nederland comes along');
    const imports = await database.db.selectFrom('imports').select(['kind', 'status']).execute();
    assert.deepEqual(imports.map((row) => `${row.kind}:${row.status}`).sort(), [
      'grenzen:gelukt',
      'kwb:gelukt',
      'kwb:gelukt',
    ]);
  });

  it('does nothing the second time: the gemeente has boundaries', async () => {
    const before = replay.requests.length;
    const counts = await tableCounts(database);
    const result = await load();
    assert.equal(result.status, 'al-geladen');
    assert.equal(replay.requests.length, before);
    assert.deepEqual(await tableCounts(database), counts);
  });
});

describe('start-up with BUURTPEIL_GEMEENTE while offline', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
  });
  after(async () => {
    await database.destroy();
  });

  it('starts anyway and logs one Dutch warning that says how to load files', async () => {
    const closed = await closedPortUrl();
    const lines: { level: number; msg: string }[] = [];
    const logger = pino(
      { level: 'info', base: undefined },
      new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
          done();
        },
      }),
    );
    await bootstrap({
      db: database.db,
      config: {
        ...readConfig({}),
        // Not one of the packs in geodata/packs (gm0546 and gm1916 load at start-up): Rotterdam.
        gemeente: 'GM0599',
        pdokBaseUrl: `${closed}/pdok`,
        cbsODataBaseUrl: `${closed}/cbs`,
      },
      logger,
    });
    const warnings = lines.filter((line) => line.level === 40 && line.msg.includes('GM0599'));
    assert.equal(warnings.length, 1, JSON.stringify(lines));
    assert.match(warnings[0]!.msg, /^PDOK en CBS zijn niet bereikbaar .*`npm run import -- map <map>`/);
    assert.equal(lines.filter((line) => line.level >= 50).length, 0, 'offline is not an error of the app');
  });
});

describe('the request plan for every year of the catalogue (geodata/cbs-tables.json)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
  });
  after(async () => {
    await database.destroy();
  });

  it('asks PDOK for both indelingen and CBS for KWB 2013–2024 and Arbeidsdeelname 2019–2023; empty tables are skipped', async () => {
    const asked: string[] = [];
    // Answers every question with a minimal valid body: an empty table, one buurt, one category.
    const fetchImpl = async (url: string) => {
      asked.push(url);
      const { pathname } = new URL(url);
      const body = pathname.endsWith('/items')
        ? pathname.includes('/buurten/')
          ? {
              type: 'FeatureCollection',
              features: [
                {
                  type: 'Feature',
                  geometry: {
                    type: 'Polygon',
                    coordinates: [
                      [
                        [4, 52],
                        [4.01, 52],
                        [4.01, 52.01],
                        [4, 52],
                      ],
                    ],
                  },
                  properties: { buurtcode: 'BU05460000', gemeentecode: 'GM0546', water: 'NEE' },
                },
              ],
              links: [],
            }
          : { type: 'FeatureCollection', features: [], links: [] }
        : pathname.endsWith('/Geslacht')
          ? { value: [{ Key: 'T001038', Title: 'Totaal mannen en vrouwen' }] }
          : pathname.endsWith('/Leeftijd')
            ? { value: [{ Key: '52052   ', Title: '15 tot 75 jaar' }] }
            : { value: [] };
      return { ok: true, status: 200, json: async () => body };
    };
    const result = await loadGemeenteOnline(database.db, 'GM0546', {
      actor: 'test',
      sources: {
        pdokBaseUrl: 'https://api.pdok.nl/cbs',
        cbsODataBaseUrl: 'https://opendata.cbs.nl/ODataFeed/odata',
        timeoutMs: 1_000,
        fetchImpl,
      },
    });
    const datasets = new Set(asked.map((url) => /\/cbs\/([a-z0-9-]+)\/ogc\//.exec(url)?.[1]).filter(Boolean));
    assert.deepEqual([...datasets], ['wijken-en-buurten-2017', 'wijken-en-buurten-2022']);
    const tables = asked
      .filter((url) => url.includes('/TypedDataSet'))
      .map((url) => /odata\/(\d{5}NED)\//.exec(url)![1]);
    assert.deepEqual(tables, [
      ...['82339NED', '82931NED', '83220NED', '83487NED', '83765NED', '84286NED', '84583NED'],
      ...['84799NED', '85039NED', '85318NED', '85618NED', '85984NED'],
      ...['85118NED', '85175NED', '85485NED', '85814NED', '86089NED'],
    ]);
    assert.ok(
      asked
        .filter((url) => url.includes('/TypedDataSet'))
        .every((url) =>
          new URL(url).searchParams.get('$filter')?.includes("startswith(WijkenEnBuurten,'BU0546')"),
        ),
      'every table is filtered on the gemeente',
    );
    // A table without rows of the gemeente (one formed later by a merger) is skipped, not an error.
    assert.equal(result.status, 'geladen', result.message);
    assert.equal(result.warnings.length, 17);
    assert.equal(
      result.warnings[0],
      'KWB 2013 GM0546 (82339NED): de tabel heeft geen gebieden van GM0546; overgeslagen.',
    );
    assert.match(result.message, /grenzen van indeling 2017 en 2022, 0 waarden uit 0 CBS-tabellen\.$/);
  });
});
