import { gunzipSync } from 'node:zlib';
import {
  type TileSet,
  tilePathSchema,
  tileSetAreasSchema,
  tileSetPathSchema,
  tileSetSchema,
  tileVersionPathSchema,
  vectorTileSchema,
} from '../../schemas/mapTiles.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { notFound } from '../http/problem.ts';
import { parsePathParams } from '../http/validate.ts';
import { TILE_LAYER } from './buildTiles.ts';
import { findTile, findTileSet, findTileSetAreas, tileSetExists } from './tilesRepository.ts';

/** A versioned URL never changes meaning: cache it for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const API = '/api/v1';

documentGet({
  path: '/indelingen/{indeling}/{niveau}/tegelset',
  operationId: 'getTegelset',
  tag: 'Kaarten',
  summary: 'Waar de vectortegels van een indeling en niveau staan, met de omhullende per gemeente',
  description:
    'Klein en kort te cachen (vijf minuten, ETag): de `versie` verandert alleen als de grenzen opnieuw zijn ingelezen. ' +
    'De tegels en de gebiedenlijst zelf staan onder die versie en veranderen nooit.',
  params: tileSetPathSchema,
  response: tileSetSchema,
  headers: { 'Cache-Control': 'public, max-age=300' },
});
documentGet({
  path: '/tegels/{versie}/gebieden',
  operationId: 'getTegelsetGebieden',
  tag: 'Kaarten',
  summary: 'Codes, namen en gemeenten van de gebieden van één tegelversie (kolommen)',
  params: tileVersionPathSchema,
  response: tileSetAreasSchema,
  headers: { 'Cache-Control': IMMUTABLE },
});
documentGet({
  path: '/tegels/{versie}/{z}/{x}/{y}',
  operationId: 'getTegel',
  tag: 'Kaarten',
  summary: 'Eén vectortegel (Mapbox Vector Tile, laag "gebieden", eigenschappen code en gemeente)',
  description:
    'Gemaakt bij het inlezen van de grenzen, niet per verzoek. Onveranderlijk per versie. Een tegel zonder gebieden geeft 204.',
  params: tilePathSchema,
  response: vectorTileSchema,
  contentType: 'application/vnd.mapbox-vector-tile',
  headers: { 'Cache-Control': IMMUTABLE, 'Content-Encoding': 'gzip (als de client het aanneemt)' },
});

export const mountMapTiles: MountFeature = (api, { db }) => {
  api.get('/indelingen/:indeling/:niveau/tegelset', async (req, res) => {
    const { indeling, niveau } = parsePathParams(req, tileSetPathSchema);
    const set = await findTileSet(db, indeling, niveau);
    if (!set) throw notFound(`Er zijn geen kaarttegels van niveau ${niveau} in indeling ${indeling}.`);
    const body: TileSet = {
      versie: set.version,
      indeling: set.vintage,
      niveau: set.level,
      tegels: [`${API}/tegels/${set.version}/{z}/{x}/{y}`],
      gebieden: `${API}/tegels/${set.version}/gebieden`,
      bronlaag: TILE_LAYER,
      minzoom: set.min_zoom,
      maxzoom: set.max_zoom,
      bounds: set.bounds,
      gemeenten: set.gemeente_bounds,
      aantalGebieden: set.area_count,
    };
    res.set('Cache-Control', 'public, max-age=300');
    res.json(body);
  });

  api.get('/tegels/:versie/gebieden', async (req, res) => {
    const { versie } = parsePathParams(req, tileVersionPathSchema);
    const areas = await findTileSetAreas(db, versie);
    if (!areas) throw notFound(`Er is geen tegelversie ${versie}.`);
    res.set('Cache-Control', IMMUTABLE);
    res.json(areas);
  });

  api.get('/tegels/:versie/:z/:x/:y', async (req, res) => {
    const { versie, z, x, y } = parsePathParams(req, tilePathSchema);
    const tile = await findTile(db, versie, z, x, y);
    res.set('Cache-Control', IMMUTABLE);
    res.set('ETag', `"${versie}-${z}-${x}-${y}"`);
    if (!tile) {
      if (!(await tileSetExists(db, versie))) throw notFound(`Er is geen tegelversie ${versie}.`);
      res.status(204).end();
      return;
    }
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type('application/vnd.mapbox-vector-tile');
    res.vary('Accept-Encoding');
    const gzip = req.acceptsEncodings('gzip') === 'gzip';
    if (gzip) res.set('Content-Encoding', 'gzip');
    res.send(Buffer.from(gzip ? tile : gunzipSync(tile)));
  });
};
