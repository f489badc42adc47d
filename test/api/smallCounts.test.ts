// D3 (counts without a teller) and D4 (differencing over the area hierarchy), through the real
// upload path (importFile → observations.withheld) and every public output.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { NewArea } from '../../server/db/Database.ts';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { importFile } from '../../server/imports/importFile.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const area = (code: string, level: NewArea['level'], parent: string | null): NewArea => ({
  code,
  vintage: 2022,
  level,
  name: `Gebied ${code}`,
  parent_code: parent,
  gemeente_code: 'GM1916',
  geometry: JSON.stringify({ type: 'Point', coordinates: [4.4, 52.09] }),
  bbox: null,
  source: 'test',
  import_id: null,
});

// Distinctive figures, to search every output for as text.
const CSV = [
  'gebiedscode;indicator;periode;waarde;teller;noemer;flags',
  // D3: a count of 3 households without a teller (the minimum count is 5).
  'BU19160200;bijstand_huishoudens;2023;3;;;',
  // D4, counts: wijk 1237 = 1234 + 3.
  'WK191602;bijstand_huishoudens;2022;1237;;;',
  'BU19160201;bijstand_huishoudens;2022;1234;;;',
  'BU19160200;bijstand_huishoudens;2022;3;;;',
  // D4, shares: wijk 53/907 and buurt 50/503 would give the suppressed 3/404.
  'WK191602;bijstand_huishoudens_pct;2022;5,843;53;907;',
  'BU19160201;bijstand_huishoudens_pct;2022;9,940;50;503;',
  'BU19160200;bijstand_huishoudens_pct;2022;0,743;3;404;',
  // D4, the complement: 901/907 and 497/503 would give the suppressed 404 of 404.
  'WK191602;bijstand_huishoudens_pct;2023;99,338;901;907;',
  'BU19160201;bijstand_huishoudens_pct;2023;98,807;497;503;',
  'BU19160200;bijstand_huishoudens_pct;2023;100;404;404;',
].join('\n');

describe('small counts and differencing (D3, D4)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.db
      .insertInto('areas')
      .values([
        area('GM1916', 'gemeente', null),
        area('WK191602', 'wijk', 'GM1916'),
        area('BU19160200', 'buurt', 'WK191602'),
        area('BU19160201', 'buurt', 'WK191602'),
      ])
      .execute();
    await upsertIndicatorCatalogue(t.db);
    const report = await importFile(
      t.db,
      { kind: 'gemeentecijfers', fileName: 'klein.csv', bytes: new TextEncoder().encode(CSV), actor: 'test' },
      { dryRun: false },
    );
    assert.ok(report.ok, JSON.stringify(report.errors));
  });
  after(() => t.destroy());

  const published = async (indicator: string, period: string) => {
    const res = await request(t.app)
      .get(`/api/v1/waarnemingen?indicator=${indicator}&periode=${period}`)
      .expect(200);
    const items = (res.body.items ?? res.body.data ?? res.body.waarnemingen) as {
      gebied: string | { code: string };
      waarde: number | null;
      teller: number | null;
      noemer: number | null;
    }[];
    return new Map(
      items.map((item) => [typeof item.gebied === 'string' ? item.gebied : item.gebied.code, item]),
    );
  };

  it('suppresses a count indicator’s value below the minimum count, without a teller (D3)', async () => {
    const rows = await published('bijstand_huishoudens', '2023');
    const row = rows.get('BU19160200');
    assert.ok(row, JSON.stringify([...rows.keys()]));
    assert.equal(row.waarde, null);
    assert.equal(row.teller, null);
  });

  it('withholds the one buurt that would give the suppressed one away (D4: counts)', async () => {
    const rows = await published('bijstand_huishoudens', '2022');
    assert.equal(rows.get('BU19160200')?.waarde, null);
    assert.equal(rows.get('BU19160201')?.waarde, null);
    assert.equal(rows.get('WK191602')?.waarde, 1237);
  });

  it('withholds it for shares and for the complement too (D4)', async () => {
    for (const period of ['2022', '2023']) {
      const rows = await published('bijstand_huishoudens_pct', period);
      assert.equal(rows.get('BU19160200')?.teller, null, period);
      assert.equal(rows.get('BU19160201')?.teller, null, period);
      assert.equal(rows.get('BU19160201')?.noemer, null, period);
      assert.ok(rows.get('WK191602')?.teller != null, period);
    }
  });

  it('shows none of the hidden figures in any output', async () => {
    const outputs = [
      '/api/v1/waarnemingen?indicator=bijstand_huishoudens',
      '/api/v1/waarnemingen?indicator=bijstand_huishoudens_pct',
      '/api/v1/waarnemingen?gebied=BU19160201',
      '/api/v1/waarnemingen?gebied=BU19160200',
      '/api/v1/kaartlagen/bijstand_huishoudens?periode=2022',
      '/api/v1/kaartlagen/bijstand_huishoudens?periode=2023',
      '/api/v1/kaartlagen/bijstand_huishoudens_pct?periode=2022',
      '/api/v1/kaartlagen/bijstand_huishoudens_pct?periode=2023',
      '/api/v1/kaartlagen/bijstand_huishoudens?periode=2022&niveau=wijk',
      '/api/v1/exports/waarnemingen.csv?dialect=excel',
      '/api/v1/exports/waarnemingen.csv?dialect=standaard',
      '/api/v1/exports/kaartlaag.geojson?indicator=bijstand_huishoudens&periode=2022&gemeente=GM1916',
      '/api/v1/exports/kaartlaag.geojson?indicator=bijstand_huishoudens&periode=2023&gemeente=GM1916',
      '/api/v1/exports/kaartlaag.geojson?indicator=bijstand_huishoudens_pct&periode=2022&gemeente=GM1916',
      '/api/v1/gebieden/BU19160201/voortgang',
    ];
    const forbidden = ['1234', '9,94', '9.94', '0,743', '0.743', '98,807', '98.807', '503', '404'];
    let checked = 0;
    for (const url of outputs) {
      const res = await request(t.app).get(url).buffer(true);
      if (res.status === 404) continue;
      assert.equal(res.status, 200, `${url}: ${res.text?.slice(0, 300)}`);
      checked++;
      const text = res.text ?? JSON.stringify(res.body);
      if (url.includes('exports/waarnemingen')) assert.match(text, /1237/, 'the wijk is published');
      for (const value of forbidden) assert.ok(!text.includes(value), `${url} contains ${value}`);
      // The count 3 as a published teller or waarde of a buurt:
      assert.doesNotMatch(text, /"(waarde|teller)":3[,}]/, url);
    }
    assert.ok(checked >= 12, `${checked} outputs checked`);
  });
});
