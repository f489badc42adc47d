import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { observationRowsInOrder } from '../../server/exports/observationRowsInOrder.ts';
import { assertProblem, FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

type Row = Record<string, string>;

/** Reads the body as bytes so the BOM is seen exactly as a spreadsheet sees it. */
const getCsv = (t: TestApp, query: string) =>
  request(t.app)
    .get(`/api/v1/exports/waarnemingen.csv?${query}`)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

const rowsOf = (bytes: Buffer, delimiter: string): Row[] =>
  parse(bytes, { delimiter, bom: true, columns: true, skip_empty_lines: true }) as Row[];

/** A Dutch spreadsheet reads "-1,25" and "16,2" as numbers: digits, one optional decimal comma. */
const DUTCH_NUMBER = /^-?\d+(,\d+)?$/;
const POINT_NUMBER = /^-?\d+(\.\d+)?$/;
const find = (rows: Row[], code: string, indicator: string, period: string) =>
  rows.find((r) => r.gebiedscode === code && r.indicator === indicator && r.periode === period)!;

describe('GET /api/v1/exports/waarnemingen.csv', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
    // Text that a spreadsheet would run as a formula, in a name and in a source.
    await t.db
      .insertInto('areas')
      .values({
        code: 'BU19169999',
        vintage: 2022,
        level: 'buurt',
        name: '=HYPERLINK("http://example.invalid","klik")',
        parent_code: 'WK191606',
        gemeente_code: 'GM1916',
      })
      .execute();
    await t.db
      .insertInto('observations')
      .values({
        indicator_id: FIXTURE.groei,
        area_code: 'BU19169999',
        vintage: 2022,
        period: '2022',
        year: 2022,
        value: -3.5,
        source: '@SUM(1+1) -bron',
      })
      .execute();
  });
  after(() => t.destroy());

  it('sends the Dutch Excel dialect by default: UTF-8 BOM, semicolons, text/csv, as a dated attachment', async () => {
    const res = await getCsv(t, '').expect(200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(
      res.headers['content-disposition'] ?? '',
      /^attachment; filename="buurtpeil-waarnemingen-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = res.body as Buffer;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(
      bytes.subarray(3).toString('utf8').split('\r\n')[0]!,
      /^gebiedscode;gebiedsnaam;niveau;indeling;/,
    );
  });

  it('writes one tidy row per area × indicator × period, and per horizon where there is a target', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=excel').expect(200)).body, ';');
    const keys = rows.map((r) => `${r.gebiedscode}|${r.indeling}|${r.indicator}|${r.periode}|${r.horizon}`);
    assert.equal(new Set(keys).size, keys.length);
    // 13 observations; the two of BU19160200 bijstand 2020 and 2022 have a 10- and a 20-year target;
    // and one year in which both buurten of programme area PG1916LN have a figure, summed.
    assert.equal(rows.length, 16);
    const summed = rows.filter((r) => r.gebiedscode === FIXTURE.programmeArea);
    assert.deepEqual(
      summed.map((r) => [r.niveau, r.bron?.startsWith('Berekend: ')]),
      [['programmagebied', true]],
    );
    const one = rowsOf((await getCsv(t, 'dialect=excel&horizon=20').expect(200)).body, ';');
    assert.equal(one.length, 14);
  });

  it('gives programme, target and status without any filter, for both horizons', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard').expect(200)).body, ',');
    const focus = rows.filter(
      (r) => r.gebiedscode === 'BU19160200' && r.indicator === FIXTURE.bijstand && r.periode === '2022',
    );
    assert.deepEqual(
      focus.map((r) => [r.programma, r.horizon, r.soortStreefwaarde, r.streefwaarde]),
      [
        [FIXTURE.programme, '10', 'absoluut', '13.5'],
        [FIXTURE.programme, '20', 'referentieniveau', '6'],
      ],
    );
    assert.ok(focus.every((r) => r.status !== ''));
  });

  it('gives the baseline year’s row a status too', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard&horizon=10').expect(200)).body, ',');
    const baseline = find(rows, 'BU19160200', FIXTURE.bijstand, '2020');
    assert.equal(baseline.basisjaar, '2020');
    assert.equal(baseline.status, 'onvoldoende_gegevens');
    assert.match(baseline.statuslabel!, /basisjaar/);
  });

  it('writes both ends of an "onzeker" reading and the reading against the plan’s number', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard').expect(200)).body, ',');
    const [ten, twenty] = rows.filter(
      (r) => r.gebiedscode === 'BU19160200' && r.indicator === FIXTURE.bijstand && r.periode === '2022',
    );
    assert.equal(ten!.status, 'onzeker');
    assert.deepEqual([ten!.statusGunstig, ten!.statusOngunstig], ['op_schema', 'versnelling_nodig']);
    assert.equal(ten!.planStatus, '', 'an absolute target has no second reading');
    assert.equal(twenty!.soortStreefwaarde, 'referentieniveau');
    assert.notEqual(twenty!.planStatus, '');
    assert.notEqual(twenty!.planStatuslabel, '');
  });

  it('writes computed values at the indicator’s precision, rates and ratios at a fixed one', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard&horizon=10').expect(200)).body, ',');
    const row = find(rows, 'BU19160200', FIXTURE.bijstand, '2022');
    assert.equal(row.verwachteWaarde, '16.3', 'one decimal, as the indicator');
    assert.match(row.cagrGemeten!, /^-?\d+\.\d{1,4}$/);
    assert.match(row.voortgangsmaat!, /^-?\d+\.\d{1,3}$/);
    assert.match(row.aandeelVanDeWeg!, /^-?\d+\.\d{1,3}$/);
  });

  it('writes numbers with a decimal comma in the Excel dialect', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=excel').expect(200)).body, ';');
    const row = find(rows, 'BU19160200', FIXTURE.bijstand, '2022');
    assert.equal(row.waarde, '16,2');
    assert.equal(row.teller, '370');
    assert.equal(row.noemer, '2284');
    for (const column of ['waarde', 'teller', 'noemer', 'indeling']) assert.match(row[column]!, DUTCH_NUMBER);
  });

  it('keeps negative numbers numbers (no apostrophe) in the Excel dialect', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=excel').expect(200)).body, ';');
    assert.equal(find(rows, 'BU19160200', FIXTURE.groei, '2022').waarde, '-1,25');
    assert.equal(find(rows, 'BU19169999', FIXTURE.groei, '2022').waarde, '-3,5');
  });

  it('neutralises text that starts a formula with a leading apostrophe', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=excel').expect(200)).body, ';');
    const row = find(rows, 'BU19169999', FIXTURE.groei, '2022');
    assert.equal(row.gebiedsnaam, `'=HYPERLINK("http://example.invalid","klik")`);
    assert.equal(row.bron, "'@SUM(1+1) -bron");
  });

  it('sends the standard dialect with commas, decimal points and no BOM', async () => {
    const res = await getCsv(t, 'dialect=standaard').expect(200);
    const bytes = res.body as Buffer;
    assert.notEqual(bytes[0], 0xef);
    const rows = rowsOf(bytes, ',');
    const row = find(rows, 'BU19160200', FIXTURE.groei, '2022');
    assert.equal(row.waarde, '-1.25');
    assert.match(row.waarde!, POINT_NUMBER);
    assert.equal(find(rows, 'BU19160200', FIXTURE.bijstand, '2022').waarde, '16.2');
  });

  it('neutralises formulas in the standard dialect too, still without touching negative numbers', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard').expect(200)).body, ',');
    const row = find(rows, 'BU19169999', FIXTURE.groei, '2022');
    assert.equal(row.bron, "'@SUM(1+1) -bron");
    assert.equal(row.waarde, '-3.5');
  });

  it('names the source on every row and the flags of each value', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard').expect(200)).body, ',');
    assert.ok(rows.every((r) => r.bron !== ''));
    assert.equal(find(rows, 'BU19160200', FIXTURE.bijstand, '2022').vlaggen, 'voorlopig|afgerond');
  });

  it('leaves the figures of a suppressed value empty and says why', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard').expect(200)).body, ',');
    const row = find(rows, FIXTURE.suppressedArea, FIXTURE.bijstand, '2020');
    assert.deepEqual([row.waarde, row.teller, row.noemer, row.geheim], ['', '', '', 'te_klein']);
    assert.equal(find(rows, FIXTURE.confidentialArea, FIXTURE.bijstand, '2020').geheim, 'cbs_geheim');
  });

  it('fills target, status, score and method inputs for the programme’s targets', async () => {
    const rows = rowsOf(
      (await getCsv(t, `dialect=standaard&programma=${FIXTURE.programme}&horizon=10`).expect(200)).body,
      ',',
    );
    const row = find(rows, 'BU19160200', FIXTURE.bijstand, '2022');
    assert.equal(row.programma, FIXTURE.programme);
    assert.equal(row.streefwaarde, '13.5');
    assert.equal(row.streefjaar, '2031');
    assert.equal(row.soortStreefwaarde, 'absoluut');
    assert.equal(row.basiswaarde, '17');
    assert.notEqual(row.status, '');
    assert.match(row.cagrGemeten!, POINT_NUMBER);
  });

  it('does not give a target to the same code in another indeling', async () => {
    const rows = rowsOf(
      (await getCsv(t, `dialect=standaard&programma=${FIXTURE.programme}`).expect(200)).body,
      ',',
    );
    assert.equal(find(rows, 'BU19160200', FIXTURE.bijstand, '2017').streefwaarde, '');
  });

  it('uses the gemeente’s programme when only the gemeente is given', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard&gemeente=GM1916').expect(200)).body, ',');
    assert.equal(find(rows, 'BU19160200', FIXTURE.bijstand, '2020').programma, FIXTURE.programme);
  });

  it('filters like /waarnemingen', async () => {
    const rows = rowsOf(
      (await getCsv(t, `dialect=standaard&indicator=${FIXTURE.inwoners}&niveau=buurt`).expect(200)).body,
      ',',
    );
    assert.deepEqual(
      rows.map((r) => r.gebiedscode),
      ['BU19160200', 'BU19160201'],
    );
  });

  it('writes just the header when nothing matches', async () => {
    const rows = rowsOf((await getCsv(t, 'dialect=standaard&periode=1999').expect(200)).body, ',');
    assert.equal(rows.length, 0);
  });

  it('reads PGlite in keyset batches and PostgreSQL through a cursor, giving the same rows in the same order', async () => {
    const collect = async (canStream: boolean, batchSize: number) => {
      const keys: string[] = [];
      for await (const batch of observationRowsInOrder(t.db, {}, { canStream, batchSize })) {
        assert.ok(batch.length <= batchSize);
        for (const row of batch)
          keys.push(`${row.indicator_id}|${row.area_code}|${row.vintage}|${row.period}`);
      }
      return keys;
    };
    const inOneBatch = await collect(false, 10_000);
    assert.equal(inOneBatch.length, 13);
    assert.deepEqual(await collect(false, 2), inOneBatch);
    assert.deepEqual(await collect(false, 13), inOneBatch);
    if (t.kind === 'postgresql') assert.deepEqual(await collect(true, 2), inOneBatch);
  });

  for (const [query, name] of [
    ['dialect=csv', 'dialect'],
    ['indicator=%20', 'indicator'],
    ['gebied=%3D1', 'gebied'],
    ['niveau=x', 'niveau'],
    ['gemeente=x', 'gemeente'],
    ['periode=x', 'periode'],
    ['indeling=x', 'indeling'],
    ['programma=X', 'programma'],
    ['horizon=5', 'horizon'],
    ['format=xlsx', 'format'],
  ] as const) {
    it(`refuses ${query} with 400 problem+json naming ${name}`, async () => {
      assertProblem(await request(t.app).get(`/api/v1/exports/waarnemingen.csv?${query}`), 400, [name]);
    });
  }

  it('answers an unknown programme with 404 before it starts the download', async () => {
    assertProblem(await request(t.app).get('/api/v1/exports/waarnemingen.csv?programma=bestaat-niet'), 404);
  });

  it('documents its 429 and 503 answers (too many downloads) with Retry-After in the OpenAPI document', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    const responses = doc.paths['/exports/waarnemingen.csv'].get.responses;
    for (const status of ['429', '503']) {
      assert.ok(responses[status], `response ${status} is documented`);
      assert.ok(responses[status].content['application/problem+json']);
      assert.ok(responses[status].headers['Retry-After']);
    }
  });
});

describe('GET /api/v1/exports/kaartlaag.geojson', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  const url = `/api/v1/exports/kaartlaag.geojson?indicator=${FIXTURE.bijstand}&niveau=buurt&gemeente=GM1916&periode=2020`;

  it('gives an RFC 7946 FeatureCollection in WGS84 with the values as properties', async () => {
    const res = await request(t.app).get(url).expect(200);
    assert.match(res.headers['content-type'] ?? '', /application\/geo\+json/);
    assert.match(
      res.headers['content-disposition'] ?? '',
      /^attachment; filename="buurtpeil-bijstand_huishoudens_pct-2020-/,
    );
    const body = JSON.parse(res.text);
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.crs, undefined, 'RFC 7946 has no crs member: WGS84 is implied');
    const feature = body.features.find((f: { id: string }) => f.id === 'BU19160602');
    assert.equal(feature.properties.naam, 'De Heuvel noord');
    assert.equal(feature.properties.waarde, 21);
    assert.equal(feature.geometry.type, 'MultiPolygon');
  });

  it('names its source and attribution at the top level', async () => {
    const body = JSON.parse((await request(t.app).get(url).expect(200)).text);
    assert.match(body.bron, /Sociaal Domein.*export van \d{4}-\d{2}-\d{2}/);
    assert.match(body.attribution, /^Bron: CBS/);
  });

  it('gives every area of the layer, with empty values where there are none', async () => {
    const body = JSON.parse((await request(t.app).get(url).expect(200)).text);
    assert.equal(body.features.length, 5);
    const laag = body.features.find((f: { id: string }) => f.id === 'BU19160201');
    assert.equal(laag.properties.waarde, null);
  });

  it('leaves a suppressed value out and says why', async () => {
    const body = JSON.parse((await request(t.app).get(url).expect(200)).text);
    const suppressed = body.features.find((f: { id: string }) => f.id === FIXTURE.suppressedArea);
    assert.equal(suppressed.properties.waarde, null);
    assert.equal(suppressed.properties.teller, null);
    assert.equal(suppressed.properties.geheim, 'te_klein');
  });

  it('requires indicator and periode, naming both', async () => {
    assertProblem(await request(t.app).get('/api/v1/exports/kaartlaag.geojson'), 400, [
      'indicator',
      'periode',
    ]);
  });

  it('refuses a malformed niveau with 400 naming it', async () => {
    assertProblem(
      await request(t.app).get(`/api/v1/exports/kaartlaag.geojson?indicator=x&periode=2020&niveau=land2`),
      400,
      ['niveau'],
    );
  });

  it('answers an unknown indicator with 404', async () => {
    assertProblem(
      await request(t.app).get('/api/v1/exports/kaartlaag.geojson?indicator=nee&periode=2020'),
      404,
    );
  });
});

describe('an export the client abandons', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
  });
  after(() => t.destroy());

  it('gives its database connection back: the next requests still get answers', async () => {
    const { firstRowBeforeHeaders } = await import('../../server/exports/firstRowBeforeHeaders.ts');
    // Read one row of a cursor-backed (PostgreSQL) or batched (PGlite) export, then stop.
    for (let i = 0; i < 15; i++) {
      const rows = await firstRowBeforeHeaders(
        observationRowsInOrder(t.db, {}, { canStream: t.kind === 'postgresql', batchSize: 2 }),
      );
      for await (const _batch of rows) break;
    }
    await request(t.app).get('/api/v1/indicatoren').expect(200);
  });
});
