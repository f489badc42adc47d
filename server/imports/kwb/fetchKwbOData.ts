import { defaultFetch, type FetchJson, getJson } from '../onlineFetch.ts';

/** The CBS OData feed: pages of at most 10 000 rows, linked by `odata.nextLink`. */
export const CBS_ODATA_FEED = 'https://opendata.cbs.nl/ODataFeed/odata';
const CBS_PAGE_SIZE = 10_000;

export function typedDataSetUrl(tableId: string, filter: string | undefined, base = CBS_ODATA_FEED): string {
  const url = new URL(`${base}/${tableId}/TypedDataSet`);
  url.searchParams.set('$format', 'json');
  if (filter) url.searchParams.set('$filter', filter);
  return url.toString();
}

export interface KwbDownload {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
  pages: number;
}

/**
 * Downloads a KWB table's TypedDataSet, page by page: it follows `odata.nextLink` (the feed) and,
 * when a server gives none but returns a full page, asks for the next one with `$skip`. Returns
 * one JSON document in the TypedDataSet shape, ready for importFile(kind 'kwb').
 */
export async function fetchKwbTypedDataSet(options: {
  tableId: string;
  filter?: string;
  base?: string;
  fetchImpl?: FetchJson;
  maxPages?: number;
  onPage?: (page: number, rows: number) => void;
}): Promise<KwbDownload> {
  const { tableId, filter, base = CBS_ODATA_FEED, fetchImpl = defaultFetch, maxPages = 100 } = options;
  if (!/^\d{5}[A-Z]{3}$/.test(tableId))
    throw new Error(`'${tableId}' is geen CBS-tabelnummer (zoals 85984NED).`);
  const firstUrl = typedDataSetUrl(tableId, filter, base);
  const rows: unknown[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url) {
    if (pages >= maxPages) throw new Error(`Meer dan ${maxPages} pagina's van ${tableId}; gestopt.`);
    const page = ((await getJson(fetchImpl, url)) ?? {}) as Record<string, unknown>;
    const value = page.value;
    if (!Array.isArray(value)) throw new Error(`CBS gaf geen "value"-lijst terug voor ${url}.`);
    rows.push(...value);
    pages++;
    options.onPage?.(pages, rows.length);
    const next = page['odata.nextLink'] ?? page['@odata.nextLink'];
    // Used verbatim when absolute: the skiptoken must reach CBS exactly as CBS wrote it.
    if (typeof next === 'string' && next !== '')
      url = /^https?:\/\//.test(next) ? next : new URL(next, url).toString();
    else if (value.length >= CBS_PAGE_SIZE) {
      const skipped = new URL(firstUrl);
      skipped.searchParams.set('$skip', String(rows.length));
      url = skipped.toString();
    } else url = undefined;
  }
  const document = {
    'odata.metadata': `${base}/${tableId}/$metadata#TypedDataSet`,
    table: tableId,
    value: rows,
  };
  return {
    fileName: `${tableId}_TypedDataSet.json`,
    bytes: new TextEncoder().encode(JSON.stringify(document)),
    rows: rows.length,
    pages,
  };
}

/** One category of a CBS dimension (Geslacht, Leeftijd, WijkenEnBuurten …): its key and title. */
export interface CbsCategory {
  Key: string;
  Title: string;
}

/** The categories of one dimension of a table: `{base}/{tableId}/{dimension}`. */
export async function fetchCbsDimension(options: {
  tableId: string;
  dimension: string;
  base?: string;
  fetchImpl?: FetchJson;
}): Promise<CbsCategory[]> {
  const { tableId, dimension, base = CBS_ODATA_FEED, fetchImpl = defaultFetch } = options;
  const url = new URL(`${base}/${tableId}/${dimension}`);
  url.searchParams.set('$format', 'json');
  const page = ((await getJson(fetchImpl, url.toString())) ?? {}) as { value?: unknown };
  if (!Array.isArray(page.value))
    throw new Error(`CBS gaf geen "value"-lijst terug voor de dimensie ${dimension} van ${tableId}.`);
  return page.value.filter(
    (item): item is CbsCategory =>
      !!item && typeof item === 'object' && typeof (item as CbsCategory).Key === 'string',
  );
}
