import type { Feature } from 'geojson';
import { defaultFetch, type FetchJson, getJson } from '../onlineFetch.ts';

export type PdokCollection = 'buurten' | 'wijken' | 'gemeenten';

export function pdokItemsUrl(
  year: number,
  collection: PdokCollection,
  gemeenteCode: string,
  limit: number,
): string {
  const url = new URL(
    `https://api.pdok.nl/cbs/wijken-en-buurten-${year}/ogc/v1/collections/${collection}/items`,
  );
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

/**
 * Downloads one gemeente's areas from PDOK's OGC API Features (CBS wijken en buurten of a year),
 * following `links[rel=next]` until the last page, and returns them as one GeoJSON
 * FeatureCollection (WGS84/CRS84, PDOK's default) ready for importFile(kind 'grenzen').
 */
export async function fetchPdokAreas(options: {
  year: number;
  gemeenteCode: string;
  collection?: PdokCollection;
  limit?: number;
  maxPages?: number;
  fetchImpl?: FetchJson;
  onPage?: (page: number, features: number) => void;
}): Promise<PdokDownload> {
  const {
    year,
    gemeenteCode,
    collection = 'buurten',
    limit = 1000,
    maxPages = 200,
    fetchImpl = defaultFetch,
  } = options;
  const features: Feature[] = [];
  let url: string | undefined = pdokItemsUrl(year, collection, gemeenteCode, limit);
  let pages = 0;
  const visited = new Set<string>();
  while (url) {
    if (visited.has(url) || pages >= maxPages)
      throw new Error(`PDOK blijft doorverwijzen (${url}); gestopt na ${pages} pagina's.`);
    visited.add(url);
    const page = (await getJson(fetchImpl, url)) as {
      features?: Feature[];
      links?: { rel?: string; href?: string }[];
    };
    if (!Array.isArray(page.features)) throw new Error(`PDOK gaf geen features terug voor ${url}.`);
    features.push(...page.features);
    pages++;
    options.onPage?.(pages, features.length);
    url = page.links?.find((link) => link.rel === 'next' && link.href)?.href;
  }
  const collectionJson = {
    type: 'FeatureCollection',
    name: `${collection}_${year}_${gemeenteCode}`,
    features,
  };
  return {
    fileName: `pdok_${collection}_${year}_${gemeenteCode}.geojson`,
    bytes: new TextEncoder().encode(JSON.stringify(collectionJson)),
    features: features.length,
    pages,
  };
}
