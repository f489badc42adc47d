// Issue 12 item 6: a programme area's figures are its buurten's figures added up — in the CSV
// export, on the map layer (rows and columns) and in the GeoJSON export, as on the profile — over
// the real pack (geodata/packs/gm1916 with Sterk voor Noord). PGlite, or PostgreSQL with DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { bumpDataGeneration } from '../../server/dataGeneration/dataGenerationRepository.ts';
import { createLogger } from '../../server/logger.ts';
import { getAreaStatuses } from '../../server/progress/progressService.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const PA = 'PG_LEIDSCHENDAM_NOORD';
const COUNT = 'inwoners';
const SHARE = 'netto_arbeidsparticipatie_pct';
type Row = Record<string, string>;
type LayerValue = {
  code: string;
  waarde: number | null;
  teller: number | null;
  noemer: number | null;
  status: string;
};

describe('programme-area sums in the CSV export and on the map', () => {
  let t: TestApp;
  let members: string[];
  before(async () => {
    t = await createTestApp();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    const area = await request(t.app).get(`/api/v1/gebieden/${PA}`).expect(200);
    members = area.body.leden.map((m: { code: string }) => m.code);
    assert.equal(members.length, 5, 'Leidschendam-Noord has five buurten');
  });
  after(() => t.destroy());

  const csv = async (query: string, dialect: 'standaard' | 'excel' = 'standaard') => {
    const res = await request(t.app)
      .get(`/api/v1/exports/waarnemingen.csv?dialect=${dialect}&${query}`)
      .buffer(true)
      .expect(200);
    const delimiter = dialect === 'excel' ? ';' : ',';
    return parse(res.text, { delimiter, bom: true, columns: true, skip_empty_lines: true }) as Row[];
  };
  const layer = async (indicator: string, query: string): Promise<LayerValue[]> =>
    (await request(t.app).get(`/api/v1/kaartlagen/${indicator}?${query}`).expect(200)).body.waarden;
  const sum = (values: Array<number | null>) => {
    assert.ok(
      values.every((v) => v != null),
      'every member has a figure',
    );
    return (values as number[]).reduce((a, b) => a + b, 0);
  };

  it('gives the programme area a CSV row per year with the sum of its buurten and a bron that says so', async () => {
    const buurten = (await csv(`indicator=${COUNT}&gebied=${members.join(',')}&indeling=2022`)).filter(
      (r) => r.periode === '2024',
    );
    assert.equal(buurten.length, members.length);
    for (const query of [`niveau=programmagebied&indicator=${COUNT}`, `gebied=${PA}`, `indicator=${COUNT}`]) {
      const rows = (await csv(query)).filter(
        (r) => r.gebiedscode === PA && r.indicator === COUNT && r.periode === '2024',
      );
      assert.equal(rows.length, 1, query);
      const [row] = rows as [Row];
      assert.equal(Number(row.waarde), sum(buurten.map((r) => Number(r.waarde))), query);
      assert.equal(row.niveau, 'programmagebied');
      assert.equal(row.gebiedsnaam, 'Leidschendam-Noord');
      assert.match(row.bron!, /^Berekend: som van 5 buurten \(CBS, Kerncijfers wijken en buurten 2024/);
    }
    // Another level, or a buurt named, selects no programme area.
    assert.equal(
      (await csv(`niveau=buurt&indicator=${COUNT}`)).filter((r) => r.gebiedscode === PA).length,
      0,
    );
  });

  it('gives a share as Σ teller / Σ noemer, with the same columns and a decimal comma for Excel', async () => {
    const buurten = (await csv(`indicator=${SHARE}&gebied=${members.join(',')}&periode=2022`)).filter(
      (r) => r.indeling === '2022',
    );
    const teller = sum(buurten.map((r) => Number(r.teller)));
    const noemer = sum(buurten.map((r) => Number(r.noemer)));
    const excel = await csv(`niveau=programmagebied&indicator=${SHARE}&periode=2022`, 'excel');
    assert.equal(excel.length, 1);
    const [row] = excel as [Row];
    assert.deepEqual(Object.keys(row), Object.keys(buurten[0]!), 'the same columns as other rows');
    assert.equal(Number(row.teller), teller);
    assert.equal(Number(row.noemer), noemer);
    const { decimals } = await t.db
      .selectFrom('indicators')
      .select('decimals')
      .where('id', '=', SHARE)
      .executeTakeFirstOrThrow();
    // Computed, so given at the indicator's precision.
    assert.equal(Number(row.waarde!.replace(',', '.')), Number(((teller / noemer) * 100).toFixed(decimals)));
    assert.match(row.bron!, /^Berekend: som tellers \/ som noemers van 5 buurten/);
  });

  it('keeps the export in the database’s key order with the summed rows in their places', async () => {
    const rows = await csv('periode=2024&indeling=2022');
    assert.ok(rows.some((r) => r.gebiedscode === PA));
    const [indicators, areas] = await Promise.all([
      t.db.selectFrom('indicators').select('id').orderBy('id').execute(),
      t.db.selectFrom('areas').select('code').distinct().orderBy('code').execute(),
    ]);
    const indicatorRank = new Map(indicators.map((r, i) => [r.id, i]));
    const areaRank = new Map(areas.map((r, i) => [r.code, i]));
    const key = (r: Row) => [indicatorRank.get(r.indicator!)!, areaRank.get(r.gebiedscode!)!];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      assert.ok(a[0]! < b[0]! || (a[0] === b[0] && a[1]! <= b[1]!), `row ${i + 1} out of order`);
    }
  });

  it('gives the summed value on the map layer of level programmagebied, in rows, columns and GeoJSON', async () => {
    const buurten = (await layer(COUNT, 'periode=2024&niveau=buurt&gemeente=GM1916')).filter((v) =>
      members.includes(v.code),
    );
    assert.equal(buurten.length, members.length);
    const expected = sum(buurten.map((v) => v.waarde));
    const rows = await layer(COUNT, 'periode=2024&niveau=programmagebied&gemeente=GM1916');
    assert.equal(rows.find((v) => v.code === PA)?.waarde, expected);
    const columns = (
      await request(t.app)
        .get(`/api/v1/kaartlagen/${COUNT}?periode=2024&niveau=programmagebied&vorm=kolommen`)
        .expect(200)
    ).body.kolommen;
    assert.equal(columns.waarden[columns.codes.indexOf(PA)], expected);
    const geojson = (
      await request(t.app)
        .get(`/api/v1/exports/kaartlaag.geojson?indicator=${COUNT}&periode=2024&niveau=programmagebied`)
        .buffer(true)
        .parse((res, callback) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          res.on('end', () => callback(null, JSON.parse(body)));
        })
        .expect(200)
    ).body;
    const feature = geojson.features.find((f: { id: string }) => f.id === PA);
    assert.equal(feature.properties.waarde, expected);

    const shares = (await layer(SHARE, 'periode=2022&niveau=buurt')).filter((v) => members.includes(v.code));
    const share = (await layer(SHARE, 'periode=2022&niveau=programmagebied')).find((v) => v.code === PA)!;
    assert.equal(share.teller, sum(shares.map((v) => v.teller)));
    assert.equal(share.noemer, sum(shares.map((v) => v.noemer)));
  });

  it('keeps a figure stored for the programme area itself, once, with its status from progress', async () => {
    const own = 'schuldhulpmaatje_hulpvragen';
    const rows = (await csv(`gebied=${PA}&indicator=${own}`)).filter((r) => r.periode === '2017-2021');
    assert.deepEqual(
      rows.map((r) => [r.horizon, r.waarde, r.bron]),
      [
        ['10', '43', 'Uitvoeringsplan Sterk voor Noord (gemeente Leidschendam-Voorburg)'],
        ['20', '43', 'Uitvoeringsplan Sterk voor Noord (gemeente Leidschendam-Voorburg)'],
      ],
    );
    // A figure of its own in a year that also has a sum: the stored one, once, on the map and in the CSV.
    await t.db
      .insertInto('observations')
      .values({
        indicator_id: COUNT,
        area_code: PA,
        vintage: 2022,
        period: '2024',
        year: 2024,
        value: 9000,
        source: 'eigen telling',
      })
      .execute();
    try {
      const stored = await csv(`gebied=${PA}&indicator=${COUNT}&periode=2024`);
      assert.deepEqual(
        stored.map((r) => [r.waarde, r.bron]),
        [['9000', 'eigen telling']],
      );
      const onMap = (await layer(COUNT, 'periode=2024&niveau=programmagebied')).filter((v) => v.code === PA);
      assert.deepEqual(
        onMap.map((v) => v.waarde),
        [9000],
      );
    } finally {
      await t.db
        .deleteFrom('observations')
        .where('area_code', '=', PA)
        .where('indicator_id', '=', COUNT)
        .execute();
    }
    const value = (await layer(own, 'periode=2017-2021&niveau=programmagebied')).find((v) => v.code === PA);
    assert.equal(value?.waarde, 43);
    const statuses = await getAreaStatuses(t.db, {
      indicatorId: own,
      vintage: 2022,
      level: 'programmagebied',
      year: 2021,
      horizon: 10,
    });
    assert.ok(statuses.has(PA));
    assert.equal(value?.status, statuses.get(PA)?.status);
  });

  it('gives no total for a year in which one member is suppressed', async () => {
    const [first] = members as [string];
    // Written straight to the table, so the test raises the data generation as every writer does.
    const hide = async (confidential: boolean) => {
      await t.db
        .updateTable('observations')
        .set({ confidential })
        .where('indicator_id', '=', COUNT)
        .where('area_code', '=', first)
        .where('period', '=', '2024')
        .execute();
      await bumpDataGeneration(t.db);
    };
    await hide(true);
    try {
      const rows = (await csv(`gebied=${PA}&indicator=${COUNT}`)).filter((r) => r.periode === '2024');
      assert.deepEqual(rows, []);
      const values = await layer(COUNT, 'periode=2024&niveau=programmagebied');
      assert.equal(
        values.find((v) => v.code === PA),
        undefined,
      );
    } finally {
      await hide(false);
    }
    assert.equal((await csv(`gebied=${PA}&indicator=${COUNT}&periode=2024`)).length, 1);
  });
});
