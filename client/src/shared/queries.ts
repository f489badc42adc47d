import type { AreaList, IndelingRule } from '../../../schemas/areas.ts';
import type { IndicatorDetail } from '../../../schemas/indicators.ts';
import type { MapLayer, MapLayerColumns } from '../../../schemas/mapLayers.ts';
import type { TileSet, TileSetAreasBody } from '../../../schemas/mapTiles.ts';
import { apiUrl, getJson, type Loaded, useApi } from './api.ts';
import type { Gebied, Indicator, Programme, ProgrammeDetail, ProgrammeProgress } from './model.ts';
import { setQuery } from './router.tsx';

/** The default gemeente of this installation; the URL can name another. */
export const DEFAULT_GEMEENTE = 'GM1916';

export function useIndicators(): Loaded<Indicator[]> {
  return useApi(apiUrl('/indicatoren'), (raw: { indicatoren: Indicator[] }) => raw.indicatoren);
}

/** The server's year → indeling rule (one place on the server; never copied into the client). */
export function useIndelingRule(): Loaded<IndelingRule> {
  return useApi(apiUrl('/indelingen'));
}

export function useProgrammes(): Loaded<Programme[]> {
  return useApi(apiUrl('/programmas'), (raw: { programmas: Programme[] }) => raw.programmas);
}

export function useProgramme(id: string | null | undefined): Loaded<ProgrammeDetail> {
  return useApi(id ? apiUrl(`/programmas/${id}`) : null);
}

export function useProgrammeProgress(id: string | null | undefined): Loaded<ProgrammeProgress> {
  return useApi(id ? apiUrl(`/programmas/${id}/voortgang`) : null);
}

export function useAreas(niveau: string, gemeente: string | null, indeling: number | null): Loaded<Gebied[]> {
  return useApi(
    apiUrl('/gebieden', { niveau, gemeente, indeling, paginaGrootte: 1000 }),
    (raw: AreaList) => raw.gebieden,
  );
}

export interface LayerRequest {
  indicator: string;
  niveau: string;
  gemeente: string | null;
  periode: string;
  horizon: number;
  indeling?: number | null;
}

export function layerUrl(r: LayerRequest): string {
  return apiUrl(`/kaartlagen/${encodeURIComponent(r.indicator)}`, {
    niveau: r.niveau,
    gemeente: r.gemeente,
    periode: r.periode,
    horizon: r.horizon,
    indeling: r.indeling,
    vorm: 'kolommen',
  });
}

/** The layer comes in columns (compact for a national layer); the page reads it as rows. */
export function useMapLayer(request: LayerRequest | null): Loaded<MapLayer> {
  return useApi(request ? layerUrl(request) : null, ({ kolommen: k, ...rest }: MapLayerColumns) => ({
    ...rest,
    waarden: k.codes.map((code, i) => ({
      code,
      waarde: k.waarden[i] ?? null,
      teller: k.tellers[i] ?? null,
      noemer: k.noemers[i] ?? null,
      status: k.statussen[i]!,
      statusLabel: k.statusLabels[i] ?? '',
      score: k.scores[i] ?? null,
      programma: k.programmas[i] ?? null,
      streefwaarde: k.streefwaarden[i] ?? null,
      ...(k.geheim[i] ? { geheim: k.geheim[i]! } : {}),
    })),
  }));
}

/** Where the vector tiles of one indeling × niveau are (short-lived; the tiles themselves never change). */
export function useTileSet(indeling: number | null, niveau: string): Loaded<TileSet> {
  return useApi(indeling === null ? null : apiUrl(`/indelingen/${indeling}/${niveau}/tegelset`));
}

export interface TileSetArea {
  code: string;
  naam: string;
  gemeente: string | null;
}

/** The areas in a tile set, from its immutable columnar list (names for the table beside the map). */
export function useTileSetAreas(url: string | null): Loaded<TileSetArea[]> {
  return useApi(url, (raw: TileSetAreasBody) =>
    raw.codes.map((code, i) => ({ code, naam: raw.namen[i] ?? code, gemeente: raw.gemeenten[i] ?? null })),
  );
}

/** The periods an indicator has observations for at one level, oldest first (from /indicatoren/{id}). */
export function useAvailablePeriods(indicator: string | null | undefined, niveau: string): Loaded<string[]> {
  return useApi(
    indicator ? apiUrl(`/indicatoren/${encodeURIComponent(indicator)}`) : null,
    (raw: IndicatorDetail) =>
      [
        ...new Set(raw.beschikbaar.filter((b) => b.niveau === niveau && b.aantal > 0).map((b) => b.periode)),
      ].sort(),
  );
}

/**
 * Switch the page to another indicator, keeping the chosen year when the new indicator has figures
 * for it and otherwise dropping it (the page then shows the newest year that has figures).
 */
export async function switchIndicator(indicator: string, niveau: string): Promise<void> {
  const current = new URLSearchParams(window.location.search).get('periode');
  let keep = false;
  if (current) {
    try {
      const detail = await getJson<IndicatorDetail>(apiUrl(`/indicatoren/${encodeURIComponent(indicator)}`));
      keep = detail.beschikbaar.some((b) => b.niveau === niveau && b.periode === current && b.aantal > 0);
    } catch {
      keep = false;
    }
  }
  setQuery({ indicator, periode: keep ? current : null });
}
