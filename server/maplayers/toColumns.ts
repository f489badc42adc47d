import type { MapLayer, MapLayerColumns } from '../../schemas/mapLayers.ts';

/** A map layer in columns: one list per field, the same area at the same place in each. */
export function toColumns(layer: MapLayer): MapLayerColumns {
  const { waarden, ...rest } = layer;
  return {
    ...rest,
    kolommen: {
      codes: waarden.map((v) => v.code),
      waarden: waarden.map((v) => v.waarde),
      tellers: waarden.map((v) => v.teller),
      noemers: waarden.map((v) => v.noemer),
      statussen: waarden.map((v) => v.status),
      statusLabels: waarden.map((v) => v.statusLabel),
      scores: waarden.map((v) => v.score),
      programmas: waarden.map((v) => v.programma),
      streefwaarden: waarden.map((v) => v.streefwaarde),
      geheim: waarden.map((v) => v.geheim ?? null),
    },
  };
}
