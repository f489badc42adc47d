import type { Feature } from 'geojson';
import { defaultFetch, type FetchJson, getJson } from '../onlineFetch.ts';

export type PdokCollection = 'buurten' | 'wijken' | 'gemeenten';

/** PDOK's CBS datasets; each indeling is one OGC API Features dataset under it. */
export const PDOK_CBS_BASE = 'https://api.pdok.nl/cbs';

export function pdokItemsUrl(
  year: number,
  collection: PdokCollection,
  gemeenteCode: string,
  limit: number,
  options: { base?: string | undefined; dataset?: string | undefined } = {},
): string {
  const base = (options.base ?? PDOK_CBS_BASE).replace(/\/+$/, '');
  const dataset = options.dataset ?? `wijken-en-buurten-${year}`;
  const url = new URL(`${base}/${dataset}/ogc/v1/collections/${collection}/items`);
  url.searchParams.set('f', 'json');
  url.searchParams.set('gemeentecode', gemeenteCode);
  url.searchParams.set('limit', String(limit));
  return url.toString();
}

export interface PdokDownload {
  fileName: string;
  bytes: Uint8Array;
  features: number;
  pages: number;
}

export interface PdokFetchOptions {
  year: number;
  gemeenteCode: string;
  collection?: PdokCollection;
  limit?: number;
  maxPages?: number;
  /** Base URL of PDOK's CBS datasets (tests point it at a local server). */
  base?: string | undefined;
  /** The dataset name, when it is not `wijken-en-buurten-<year>` (geodata/cbs-tables.json). */
  dataset?: string | undefined;
  fetchImpl?: FetchJson;
  onPage?: (page: number, features: number) => void;
}

/**
 * One collection of one gemeente from PDOK's OGC API Features (CBS wijken en buurten of a year),
 * following `links[rel=next]` until the last page.
 */
export async function fetchPdokFeatures(
  options: PdokFetchOptions,
): Promise<{ features: Feature[]; pages: number }> {
  const {
    year,
    gemeenteCode,
    collection = 'buurten',
    limit = 1000,
    maxPages = 200,
    fetchImpl = defaultFetch,
  } = options;
  const features: Feature[] = [];
  let url: string | undefined = pdokItemsUrl(year, collection, gemeenteCode, limit, options);
  let pages = 0;
  const visited = new Set<string>();
  while (url) {
    if (visited.has(url) || pages >= maxPages)
      throw new Error(`PDOK blijft doorverwijzen (${url}); gestopt na ${pages} pagina's.`);
    visited.add(url);
    const page = (await getJson(fetchImpl, url)) as {
      features?: Feature[];
      links?: { rel?: string; href?: string }[];
    } | null;
    if (!page || !Array.isArray(page.features)) throw new Error(`PDOK gaf geen features terug voor ${url}.`);
    features.push(...page.features);
    pages++;
    options.onPage?.(pages, features.length);
    url = page.links?.find((link) => link.rel === 'next' && link.href)?.href;
  }
  return { features, pages };
}

/**
 * Downloads one gemeente's areas of one collection and returns them as one GeoJSON
 * FeatureCollection (WGS84/CRS84, PDOK's default) ready for importFile(kind 'grenzen').
 */
export async function fetchPdokAreas(options: PdokFetchOptions): Promise<PdokDownload> {
  const { year, gemeenteCode, collection = 'buurten' } = options;
  const { features, pages } = await fetchPdokFeatures(options);
  return pdokDownload(`${collection}_${year}_${gemeenteCode}`, features, pages);
}

/** Features as one GeoJSON file, the way importFile reads a downloaded boundary file. */
export function pdokDownload(name: string, features: Feature[], pages: number): PdokDownload {
  const collectionJson = { type: 'FeatureCollection', name, features };
  return {
    fileName: `pdok_${name}.geojson`,
    bytes: new TextEncoder().encode(JSON.stringify(collectionJson)),
    features: features.length,
    pages,
  };
}
