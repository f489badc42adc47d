import {
  featureCollectionSchema,
  geometryPathSchema,
  geometryQuerySchema,
  type MapLayer,
  mapLayerColumnsSchema,
  mapLayerPathSchema,
  mapLayerQuerySchema,
  mapLayerSchema,
} from '../../schemas/mapLayers.ts';
import { z } from '../../schemas/zod.ts';
import { vintageForPeriod } from '../areas/vintageForPeriod.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams, parseQuery } from '../http/validate.ts';
import { findIndicator } from '../indicators/indicatorsRepository.ts';
import { buildMapLayer } from './buildMapLayer.ts';
import { findGeometries } from './mapLayersRepository.ts';
import { toColumns } from './toColumns.ts';
import { toFeatureCollection } from './toFeatureCollection.ts';

documentGet({
  path: '/kaartlagen/{indicator}',
  operationId: 'getKaartlaag',
  tag: 'Kaarten',
  summary: 'Waarde en status van elk gebied van één niveau, voor één indicator × periode (× horizon)',
  description:
    'Alleen waarden, klein: de client koppelt ze op `code` aan de geometrie van /geometrie/{indeling}/{niveau}. ' +
    'Geheime waarden hebben waarde, teller en noemer leeg en `geheim` met de reden. Op niveau programmagebied is de ' +
    'waarde die van de buurten opgeteld (aandelen als som tellers / som noemers), zoals op het profiel.',
  params: mapLayerPathSchema,
  query: mapLayerQuerySchema,
  response: z.union([mapLayerSchema, mapLayerColumnsSchema]),
});
documentGet({
  path: '/geometrie/{indeling}/{niveau}',
  operationId: 'getGeometrie',
  tag: 'Kaarten',
  summary: 'De grenzen van een indeling en niveau als GeoJSON (RFC 7946, WGS84)',
  description: 'Statisch per indeling: een dag te cachen (Cache-Control) en met ETag.',
  params: geometryPathSchema,
  query: geometryQuerySchema,
  response: featureCollectionSchema,
  contentType: 'application/geo+json',
  headers: { 'Cache-Control': 'public, max-age=86400' },
});

export const mountMapLayers: MountFeature = (api, { db }) => {
  api.get('/kaartlagen/:indicator', async (req, res) => {
    const { indicator: indicatorId } = parsePathParams(req, mapLayerPathSchema);
    const query = parseQuery(req, mapLayerQuerySchema);
    const indicator = await findIndicator(db, indicatorId);
    if (!indicator) throw notFound(`Er is geen indicator met id ${indicatorId}.`);
    const layer: MapLayer = await buildMapLayer(db, indicator, {
      period: query.periode,
      vintage: query.indeling ?? vintageForPeriod(query.periode),
      level: query.niveau ?? 'buurt',
      gemeente: query.gemeente,
      horizon: query.horizon ?? 10,
      programmeId: query.programma,
    });
    res.json(query.vorm === 'kolommen' ? toColumns(layer) : layer);
  });

  api.get('/geometrie/:indeling/:niveau', async (req, res) => {
    const { indeling, niveau } = parsePathParams(req, geometryPathSchema);
    const { gemeente } = parseQuery(req, geometryQuerySchema);
    const rows = await findGeometries(db, indeling, niveau, gemeente);
    if (rows.length === 0) {
      throw notFound(
        `Er zijn geen gebieden van niveau ${niveau} in indeling ${indeling}${gemeente ? ` in ${gemeente}` : ''}.`,
      );
    }
    // Boundaries change only with a new import of a new indeling: cache for a day, revalidate by ETag.
    res.set('Cache-Control', 'public, max-age=86400');
    res.type('application/geo+json').send(JSON.stringify(toFeatureCollection(rows)));
  });
};
