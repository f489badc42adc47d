import { bboxSchema, yearParam } from './common.ts';
import { areaLevelSchema } from './enums.ts';
import { z } from './zod.ts';

/** The levels that have tiles. */
export const tiledLevelSchema = z.enum(['buurt', 'wijk', 'gemeente']);

export const tileSetPathSchema = z.object({ indeling: yearParam('indeling'), niveau: tiledLevelSchema });

export const tileVersionPattern = /^\d{4}-(buurt|wijk|gemeente)-[0-9a-f]{16}$/;
const tileVersionParam = z
  .string({ error: 'Verwacht één tegelversie' })
  .regex(tileVersionPattern, 'Verwacht een tegelversie als 2022-buurt-0123456789abcdef')
  .openapi({ example: '2022-buurt-0123456789abcdef' });
const tileCoordinate = (what: string) =>
  z
    .string({ error: `Verwacht één ${what}` })
    .regex(/^\d{1,7}$/, `Verwacht een geheel getal (${what})`)
    .transform(Number)
    .openapi({ type: 'integer', example: 0 });

export const tileVersionPathSchema = z.object({ versie: tileVersionParam });
export const tilePathSchema = z.object({
  versie: tileVersionParam,
  z: tileCoordinate('zoomniveau').pipe(z.number().int().max(24, 'Zoomniveau hoogstens 24')),
  x: tileCoordinate('x'),
  y: tileCoordinate('y'),
});

export const tileSetSchema = z
  .object({
    versie: z.string().describe('Verandert alleen als de grenzen veranderen; de tegel-URL’s dragen haar'),
    indeling: z.number().int(),
    niveau: areaLevelSchema,
    tegels: z.array(z.string()).describe('URL-sjabloon van de vectortegels ({z}/{x}/{y}), als in TileJSON'),
    gebieden: z.string().describe('URL van de codes en namen van de gebieden in deze tegels'),
    bronlaag: z.string().describe('Naam van de laag in elke tegel'),
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    bounds: bboxSchema.nullable(),
    gemeenten: z
      .record(z.string(), bboxSchema)
      .describe('Omhullende per gemeente, om op één gemeente in te zoomen'),
    aantalGebieden: z.number().int(),
  })
  .openapi('Tegelset', {
    description: 'Waar de vectortegels van één indeling × niveau staan (TileJSON-achtig)',
  });
export type TileSet = z.infer<typeof tileSetSchema>;

export const tileSetAreasSchema = z
  .object({
    codes: z.array(z.string()),
    namen: z.array(z.string()),
    gemeenten: z.array(z.string().nullable()),
  })
  .openapi('TegelsetGebieden', {
    description: 'Kolommen: op plaats i staan code, naam en gemeente van hetzelfde gebied',
  });
export type TileSetAreasBody = z.infer<typeof tileSetAreasSchema>;

export const vectorTileSchema = z
  .string()
  .openapi({ type: 'string', format: 'binary', description: 'Mapbox Vector Tile 2.1 (gzip)' });
