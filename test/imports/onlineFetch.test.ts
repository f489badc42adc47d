import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchPdokAreas, pdokItemsUrl } from '../../server/imports/boundaries/fetchPdok.ts';
import { formatRowError } from '../../server/imports/importFile.ts';
import { fetchKwbTypedDataSet, typedDataSetUrl } from '../../server/imports/kwb/fetchKwbOData.ts';
import type { FetchJson } from '../../server/imports/onlineFetch.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createImportTestDatabase, fixtureDir, importBytes } from './importTestSupport.ts';

const online = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(fixtureDir, 'online', name), 'utf8'));

/** A fetch that answers from fixtures by exact URL and records what was asked; never the network. */
function fakeFetch(responses: Map<string, unknown>): FetchJson & { requested: string[] } {
  const requested: string[] = [];
  const fetchImpl = async (url: string) => {
    requested.push(url);
    const body = responses.get(url);
    return { ok: body !== undefined, status: body === undefined ? 404 : 200, json: async () => body };
  };
  return Object.assign(fetchImpl, { requested });
}

describe('online import paths, on local fixtures of the official response shapes', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createImportTestDatabase();
  });
  after(async () => {
    await database.destroy();
  });

  it('PDOK OGC API Features: follows links[rel=next] and imports the buurten', async () => {
    const firstUrl = pdokItemsUrl(2022, 'buurten', 'GM9999', 2);
    assert.equal(
      firstUrl,
      'https://api.pdok.nl/cbs/wijken-en-buurten-2022/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM9999&limit=2',
    );
    const page1 = online('pdok_buurten_page1.json') as { links: { rel: string; href: string }[] };
    const fetchImpl = fakeFetch(
      new Map([
        [firstUrl, page1],
        [page1.links.find((link) => link.rel === 'next')!.href, online('pdok_buurten_page2.json')],
      ]),
    );
    const download = await fetchPdokAreas({ year: 2022, gemeenteCode: 'GM9999', limit: 2, fetchImpl });
    assert.deepEqual([download.pages, download.features], [2, 5]);
    assert.equal(fetchImpl.requested.length, 2);

    const report = await importBytes(database, 'grenzen', download.fileName, download.bytes, {
      vintage: 2022,
    });
    assert.equal(report.ok, true, report.errors.map(formatRowError).join('\n'));
    assert.equal(
      report.rowsNew,
      4 + 2 + 1,
      '4 buurten, 2 derived wijken, 1 gemeente; the water part is skipped',
    );
    assert.deepEqual(report.warnings.map(formatRowError), [
      'Kolom water: 1 watervlakken (water = JA) zijn overgeslagen.',
    ]);
  });

  it('CBS OData: follows odata.nextLink and imports the TypedDataSet', async () => {
    const firstUrl = typedDataSetUrl('85984NED', undefined);
    const page1 = online('odata_85984NED_page1.json') as { 'odata.nextLink': string };
    const fetchImpl = fakeFetch(
      new Map([
        [firstUrl, page1],
        [page1['odata.nextLink'], online('odata_85984NED_page2.json')],
      ]),
    );
    const download = await fetchKwbTypedDataSet({ tableId: '85984NED', fetchImpl });
    assert.deepEqual([download.pages, download.rows], [2, 3]);
    const report = await importBytes(database, 'kwb', download.fileName, download.bytes);
    assert.equal(report.ok, true, report.errors.map(formatRowError).join('\n'));
    assert.equal(report.year, 2024);
    assert.equal(report.rowsNew, 5);
  });

  it('CBS OData: asks for the next page with $skip when a full page has no nextLink', async () => {
    const firstUrl = typedDataSetUrl('85984NED', "SoortRegio_2 eq 'Buurt     '");
    const fullPage = { value: Array.from({ length: 10_000 }, (_, index) => ({ ID: index })) };
    const skipUrl = new URL(firstUrl);
    skipUrl.searchParams.set('$skip', '10000');
    const fetchImpl = fakeFetch(
      new Map<string, unknown>([
        [firstUrl, fullPage],
        [skipUrl.toString(), { value: [{ ID: 10_000 }] }],
      ]),
    );
    const download = await fetchKwbTypedDataSet({
      tableId: '85984NED',
      filter: "SoortRegio_2 eq 'Buurt     '",
      fetchImpl,
    });
    assert.deepEqual([download.pages, download.rows], [2, 10_001]);
    assert.deepEqual(fetchImpl.requested, [firstUrl, skipUrl.toString()]);
  });

  it('refuses a table id that is not one and reports an HTTP failure', async () => {
    await assert.rejects(
      fetchKwbTypedDataSet({ tableId: 'kwb', fetchImpl: fakeFetch(new Map()) }),
      /'kwb' is geen CBS-tabelnummer/,
    );
    await assert.rejects(
      fetchPdokAreas({ year: 2022, gemeenteCode: 'GM0000', fetchImpl: fakeFetch(new Map()) }),
      /gaf HTTP 404/,
    );
  });
});
