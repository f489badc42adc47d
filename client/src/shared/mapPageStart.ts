import type { IndelingRule } from '../../../schemas/areas.ts';
import type { TileSet } from '../../../schemas/mapTiles.ts';
import { apiUrl, getJson } from './api.ts';
import { vintageForYear, yearOfPeriod } from './indeling.ts';
import { DEFAULT_GEMEENTE, type LayerRequest, layerUrl } from './queries.ts';

/** What the map page (/kaart?indicator=…&periode=…&horizon=…&kleur=…&niveau=…&gemeente=…&indeling=…) shows. */
export interface MapChoices {
  /** null: the first indicator of the list. */
  indicator: string | null;
  /** null: the newest year with figures for the indicator. */
  periode: string | null;
  horizon: 10 | 20;
  mode: 'waarde' | 'voortgang';
  niveau: 'buurt' | 'wijk';
  /** null: heel Nederland (an empty gemeente in the URL). */
  gemeente: string | null;
  /** null: the vintage follows the year. */
  indeling: number | null;
  gebied: string | null;
}

/** The map page's choices, read in one place so the page and its early start ask for the same URLs. */
export function mapChoices(query: URLSearchParams): MapChoices {
  const indeling = query.get('indeling');
  return {
    indicator: query.get('indicator') || null,
    periode: query.get('periode') || null,
    horizon: query.get('horizon') === '20' ? 20 : 10,
    mode: query.get('kleur') === 'voortgang' ? 'voortgang' : 'waarde',
    niveau: query.get('niveau') === 'wijk' ? 'wijk' : 'buurt',
    gemeente: (query.get('gemeente') ?? DEFAULT_GEMEENTE) || null,
    indeling: indeling ? Number(indeling) : null,
    gebied: query.get('gebied'),
  };
}

/** The map layer the page asks for with these choices; null until indicator and year are known. */
export function mapLayerRequest(
  c: MapChoices,
  indicator = c.indicator,
  periode = c.periode,
): LayerRequest | null {
  if (!indicator || !periode) return null;
  return {
    indicator,
    niveau: c.niveau,
    gemeente: c.gemeente,
    periode,
    horizon: c.horizon,
    indeling: c.indeling,
  };
}

// An early request that fails is asked again by the page, which shows the error; here it stays quiet.
const quietly = (pending: Promise<unknown>) => void pending.catch(() => undefined);

/** Ask for a layer before the page does (another indicator: in parallel with checking its years). */
export function prefetchLayer(request: LayerRequest | null): void {
  if (request) quietly(getJson(layerUrl(request)));
}

/**
 * Start what the map page needs as soon as its URL is known, from the entry chunk, before the page's
 * own code has arrived (decision 0108): MapLibre's code, the indicator list, the map layer, the
 * indeling rule, the tile set and its area list. The page's hooks then find these requests in the
 * response cache (same URLs) instead of starting them one after another.
 */
export function startMapPage(query: URLSearchParams): void {
  const choices = mapChoices(query);
  // MapLibre's module (the map's code sets it up when it arrives: map/loadMapLibre.ts).
  quietly(import('maplibre-gl'));
  quietly(getJson(apiUrl('/indicatoren')));
  if (choices.indicator) quietly(getJson(apiUrl(`/indicatoren/${encodeURIComponent(choices.indicator)}`)));
  prefetchLayer(mapLayerRequest(choices));
  const rule = getJson<IndelingRule>(apiUrl('/indelingen'));
  quietly(rule);
  const { periode, indeling, niveau } = choices;
  const vintage =
    indeling !== null
      ? Promise.resolve(indeling)
      : periode
        ? rule.then((r) => vintageForYear(yearOfPeriod(periode), r.regels))
        : Promise.resolve(null);
  quietly(
    vintage.then(async (v) => {
      if (v === null) return;
      const tileSet = await getJson<TileSet>(apiUrl(`/indelingen/${v}/${niveau}/tegelset`));
      await getJson(tileSet.gebieden);
    }),
  );
}
