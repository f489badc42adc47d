import type { z } from 'zod';
import type { geojsonExportQuerySchema } from '../../schemas/exports.ts';
import { vintageForPeriod } from '../areas/vintageForPeriod.ts';
import type { Db } from '../db/createDatabase.ts';
import { notFound } from '../http/problem.ts';
import { findIndicator } from '../indicators/indicatorsRepository.ts';
import { buildMapLayer } from '../maplayers/buildMapLayer.ts';
import { findGeometries } from '../maplayers/mapLayersRepository.ts';
import { toFeatureCollection } from '../maplayers/toFeatureCollection.ts';
import type { GeojsonField } from './geojsonFields.ts';

export const ATTRIBUTION =
  'Bron: CBS, Kerncijfers wijken en buurten en Wijk- en buurtkaart (CBS/Kadaster, PDOK), CC BY 4.0';

export type KaartlaagExportQuery = z.infer<typeof geojsonExportQuerySchema>;

/**
 * One indicator × period for every area of a level, as the GIS exports write it (GeoJSON and
 * FlatGeobuf alike): every feature has every field of GEOJSON_FIELDS in its order (null when
 * absent), disclosed as the map layer is, and a MultiPolygon (or no) geometry (toFeatureCollection
 * makes a Polygon a one-part MultiPolygon).
 */
export async function loadKaartlaagExport(db: Db, query: KaartlaagExportQuery, date: string) {
  const indicator = await findIndicator(db, query.indicator);
  if (!indicator) throw notFound(`Er is geen indicator met id ${query.indicator}.`);
  const vintage = query.indeling ?? vintageForPeriod(query.periode);
  const level = query.niveau ?? 'buurt';
  const layer = await buildMapLayer(db, indicator, {
    period: query.periode,
    vintage,
    level,
    gemeente: query.gemeente,
    horizon: query.horizon ?? 10,
    programmeId: query.programma,
  });
  const geometries = await findGeometries(db, vintage, level, query.gemeente);
  if (geometries.length === 0)
    throw notFound(`Er is geen geometrie van niveau ${level} in indeling ${vintage}.`);
  const values = new Map(layer.waarden.map((value) => [value.code, value]));
  // Every feature carries what the layer is about (indicator, period, unit, source): a GIS keeps
  // feature properties and drops the collection's foreign members.
  const collection = toFeatureCollection(geometries, (code) => {
    const value = values.get(code);
    return {
      indicator: indicator.id,
      indicatornaam: indicator.name,
      periode: query.periode,
      eenheid: indicator.unit,
      bron: indicator.source,
      waarde: value?.waarde ?? null,
      teller: value?.teller ?? null,
      noemer: value?.noemer ?? null,
      geheim: value?.geheim ?? null,
      programma: value?.programma ?? null,
      horizon: value?.programma ? layer.horizon : null,
      streefwaarde: value?.streefwaarde ?? null,
      status: value?.status ?? null,
      statusLabel: value?.statusLabel ?? null,
      score: value?.score ?? null,
    } satisfies Omit<Record<GeojsonField, unknown>, 'code' | 'naam'>;
  });
  return {
    indicator,
    date,
    fileName: `buurtpeil-${indicator.id}-${query.periode}-${date}`,
    // What the GeoJSON carries as foreign members (RFC 7946 §6.1) and FlatGeobuf as metadata.
    about: {
      bron: `${indicator.source}; grenzen: CBS/Kadaster Wijk- en buurtkaart ${vintage}; export van ${date}`,
      attribution: ATTRIBUTION,
      exportdatum: date,
      indicator: { id: indicator.id, naam: indicator.name, eenheid: indicator.unit },
      periode: query.periode,
      indeling: vintage,
      niveau: level,
      programma: layer.programma,
      horizon: layer.horizon,
    },
    bbox: collection.bbox,
    features: collection.features.map((feature) => ({
      ...feature,
      properties: feature.properties as Record<GeojsonField, string | number | null>,
    })),
  };
}
