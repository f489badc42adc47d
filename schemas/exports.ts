import {
  areaCodePattern,
  gemeenteCodeParam,
  horizonParam,
  indicatorIdParam,
  indicatorIdPattern,
  listParam,
  periodParam,
  periodPattern,
  programmeIdParam,
  yearParam,
} from './common.ts';
import { areaLevelSchema } from './enums.ts';
import { z } from './zod.ts';

export const csvExportQuerySchema = z.object({
  dialect: z
    .enum(['excel', 'standaard'], { error: 'Verwacht excel of standaard' })
    .optional()
    .describe(
      'excel (standaard): `;`, decimale komma, UTF-8 BOM — opent als getallen in Excel/LibreOffice met Nederlandse instellingen. standaard: `,` en decimale punt (RFC 4180), voor R, Python, QGIS',
    ),
  indicator: listParam(indicatorIdPattern, 'indicator-id’s', 'bijstand_huishoudens_pct').optional(),
  gebied: listParam(areaCodePattern, 'gebiedscodes', 'BU19160200').optional(),
  niveau: areaLevelSchema.optional(),
  gemeente: gemeenteCodeParam.optional(),
  periode: listParam(periodPattern, 'perioden', '2020,2022').optional(),
  indeling: yearParam('indeling').optional(),
  programma: programmeIdParam
    .optional()
    .describe(
      'Het programma van streefwaarde, status, score en de invoer van de berekening; standaard dat van `gemeente`, zonder gemeente die van elk programma',
    ),
  horizon: horizonParam
    .optional()
    .describe('Alleen de streefwaarde over 10 of 20 jaar; standaard beide, een rij per horizon'),
});
export type CsvExportQuery = z.infer<typeof csvExportQuerySchema>;

export const csvExportSchema = z.string().openapi({
  description:
    'Tidy CSV, één rij per gebied × indicator × periode (× horizon bij een streefwaarde). Kolommen: gebiedscode, gebiedsnaam, niveau, indeling, indicator, ' +
    'indicatornaam, eenheid, periode, waarde, teller, noemer, vlaggen (voorlopig|geheim|afgerond), geheim (reden), bron, ' +
    'bronvlaggen (vlaggen uit het bronbestand, met | gescheiden), ondergrens95, bovengrens95 (95%-interval), ' +
    'programma, horizon, streefjaar, soortStreefwaarde, streefwaarde, referentiegebied, basisjaar, basiswaarde, status, ' +
    'statuslabel, score, statusGunstig, statusOngunstig, planStatus, planStatuslabel, planScore, voortgangsmaat, cagrGemeten, cagrVereist, aandeelVanDeWeg, verwachteWaarde, referentiewaarde. ' +
    'De bron staat per rij; de exportdatum in de bestandsnaam (Content-Disposition). Geheime waarden zijn leeg.',
});

export const geojsonExportQuerySchema = z.object({
  indicator: indicatorIdParam,
  periode: periodParam,
  niveau: areaLevelSchema.optional(),
  gemeente: gemeenteCodeParam.optional(),
  horizon: horizonParam.optional(),
  programma: programmeIdParam.optional(),
  indeling: yearParam('indeling').optional(),
});

export const geojsonExportSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    bron: z.string(),
    attribution: z.string(),
    exportdatum: z.string(),
    indicator: z.object({ id: z.string(), naam: z.string(), eenheid: z.string() }),
    periode: z.string(),
    indeling: z.number().int(),
    velden: z
      .record(z.string(), z.enum(['String', 'Integer', 'Real']))
      .describe(
        'Het type van elk veld in `properties`, gelijk in elke export (waarde en streefwaarde altijd met decimaalpunt)',
      ),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.record(z.string(), z.unknown()),
        geometry: z.unknown(),
      }),
    ),
  })
  .openapi('KaartlaagGeoJson', {
    description:
      'RFC 7946 (WGS84), alleen MultiPolygon, met per gebied indicator, periode, eenheid, bron, waarde, teller, noemer, ' +
      'programma, streefwaarde, status en score; `bron` en `attribution` ook bovenaan',
  });

export const flatgeobufExportSchema = z.string().openapi('KaartlaagFlatGeobuf', {
  format: 'binary',
  description:
    'FlatGeobuf 3 (https://flatgeobuf.org), WGS84 (EPSG:4326, lengte/breedte), alleen MultiPolygon, zonder ruimtelijke ' +
    'index. De velden en hun typen zijn die van `velden` in de GeoJSON-export; een geheime waarde is leeg (null) met de ' +
    'reden in `geheim`. Titel, beschrijving en metadata (bron, attributie, exportdatum) staan in de kop van het bestand.',
});
