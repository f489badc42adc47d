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
import { createLayerCache, type LayerEncoding, type LayerKey, layerEtag } from './layerCache.ts';
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

/** Memory for pre-serialised layers per app process: some fifty national layers (1,2 MB each, plus br). */
const LAYER_CACHE_BYTES = 64 * 1024 * 1024;
/** One primary-key read every few seconds per process: after a write, the hot layers are rebuilt first. */
const LAYER_GENERATION_POLL_MS = 3000;

export const mountMapLayers: MountFeature = (api, { db, logger }) => {
  const layers = createLayerCache(db, {
    maxBytes: LAYER_CACHE_BYTES,
    async build(key) {
      const indicator = await findIndicator(db, key.indicatorId);
      if (!indicator) throw notFound(`Er is geen indicator met id ${key.indicatorId}.`);
      const layer: MapLayer = await buildMapLayer(db, indicator, key);
      return JSON.stringify(key.columns ? toColumns(layer) : layer);
    },
    onWarmFailure: (error) => logger.warn({ err: error }, 'kaartlaag opnieuw opbouwen mislukt'),
    pollMs: LAYER_GENERATION_POLL_MS,
  });

  api.get('/kaartlagen/:indicator', async (req, res) => {
    const { indicator: indicatorId } = parsePathParams(req, mapLayerPathSchema);
    const query = parseQuery(req, mapLayerQuerySchema);
    const key: LayerKey = {
      indicatorId,
      period: query.periode,
      vintage: query.indeling ?? vintageForPeriod(query.periode),
      level: query.niveau ?? 'buurt',
      gemeente: query.gemeente,
      horizon: query.horizon ?? 10,
      programmeId: query.programma,
      columns: query.vorm === 'kolommen',
    };
    const generation = await layers.generation();
    // The ETag follows from generation and key: a revalidation is answered before anything is built.
    const etag = layerEtag(generation, key);
    res.vary('Accept-Encoding').set('ETag', etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.removeHeader('ETag'); // not on a problem answer, should the build fail
    const body = await layers.bodyOf(generation, key);
    res.set('ETag', etag).type('json');
    const encoding = (req.acceptsEncodings('br', 'gzip') || 'identity') as LayerEncoding;
    // Already compressed: the compression middleware leaves a body with Content-Encoding alone.
    if (encoding !== 'identity') res.set('Content-Encoding', encoding);
    res.send(await layers.encode(body, encoding));
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
