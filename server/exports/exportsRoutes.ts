import {
  csvExportQuerySchema,
  csvExportSchema,
  geojsonExportQuerySchema,
  geojsonExportSchema,
} from '../../schemas/exports.ts';
import { vintageForPeriod } from '../areas/vintageForPeriod.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { parseQuery } from '../http/validate.ts';
import { findIndicator } from '../indicators/indicatorsRepository.ts';
import { buildMapLayer } from '../maplayers/buildMapLayer.ts';
import {
  allProgrammeIds,
  defaultProgrammeOf,
  findGeometries,
  programmeExists,
} from '../maplayers/mapLayersRepository.ts';
import { toFeatureCollection } from '../maplayers/toFeatureCollection.ts';
import { CSV_DIALECTS } from './csvDialect.ts';
import { defaultMaxExports, ExportSlots } from './exportSlots.ts';
import { firstRowBeforeHeaders } from './firstRowBeforeHeaders.ts';
import { asMultiPolygon, GEOJSON_FIELDS, type GeojsonField, stringifyGeojson } from './geojsonFields.ts';
import { observationExportCsv } from './observationExportCsv.ts';
import { guardStalledDownload } from './stallGuard.ts';
import { loadTargetLookup } from './targetLookup.ts';
import { writeCsv } from './writeCsv.ts';

export const ATTRIBUTION =
  'Bron: CBS, Kerncijfers wijken en buurten en Wijk- en buurtkaart (CBS/Kadaster, PDOK), CC BY 4.0';

const EXPORT_RETRY_AFTER_SECONDS = 10;

const today = () => new Date().toISOString().slice(0, 10);

documentGet({
  path: '/exports/waarnemingen.csv',
  operationId: 'exportWaarnemingenCsv',
  tag: 'Exports',
  summary: 'Alle waarnemingen als tidy CSV (Nederlandse Excel of standaard), gestreamd',
  description:
    'Eén rij per gebied × indicator × periode met waarde, teller, noemer, vlaggen en bron (per rij); een gebied met ' +
    'streefwaarden krijgt een rij per horizon (kolom `horizon`; `horizon=` kiest er één) met programma, streefwaarde, ' +
    'status (ook in het basisjaar), score, de lezing tegen het getal van het plan (`planStatus`), beide uitkomsten van ' +
    'een onzekere lezing (`statusGunstig`, `statusOngunstig`) en de invoer van de berekening, afgerond op de decimalen ' +
    'van de indicator. Zonder `programma` en `gemeente` tellen de streefwaarden van elk programma. De exportdatum staat in de ' +
    'bestandsnaam. Formules in tekstcellen worden onschadelijk gemaakt met een voorloop-apostrof; negatieve getallen ' +
    'blijven getallen. Geheime waarden zijn leeg met de reden in `geheim`. Een programmagebied krijgt per jaar de ' +
    'opgetelde cijfers van zijn buurten (bron "Berekend: som van …"), alleen in jaren waarin elke buurt een openbaar cijfer heeft.',
  query: csvExportQuerySchema,
  response: csvExportSchema,
  contentType: 'text/csv; charset=utf-8',
  headers: { 'Content-Disposition': 'attachment; filename="buurtpeil-waarnemingen-<datum>.csv"' },
  retryLater: {
    429: 'Deze client downloadt al het maximum aantal exports tegelijk; Retry-After zegt wanneer opnieuw',
    503: 'Alle exportplaatsen zijn bezet, of de database is niet bereikbaar; Retry-After zegt wanneer opnieuw',
  },
});
documentGet({
  path: '/exports/kaartlaag.geojson',
  operationId: 'exportKaartlaagGeojson',
  tag: 'Exports',
  summary: 'Een kaartlaag met waarden als GeoJSON (RFC 7946, WGS84) voor GIS',
  query: geojsonExportQuerySchema,
  response: geojsonExportSchema,
  contentType: 'application/geo+json',
  headers: {
    'Content-Disposition': 'attachment; filename="buurtpeil-<indicator>-<periode>-<datum>.geojson"',
  },
});

export const mountExports: MountFeature = (api, { db, config, logger }) => {
  // D5: bounded exports, overall and per client; a stalled download is cut off (0076).
  const slots = new ExportSlots(
    config.exports.maxConcurrent || defaultMaxExports(config.database.poolSize),
    config.exports.maxPerClient,
  );

  api.get('/exports/waarnemingen.csv', async (req, res) => {
    const query = parseQuery(req, csvExportQuerySchema);
    const release = slots.acquire(req.ip ?? 'onbekend');
    if (release === 'client') {
      res.set('Retry-After', String(EXPORT_RETRY_AFTER_SECONDS));
      throw new HttpProblem(
        429,
        'Te veel downloads tegelijk',
        `U downloadt al ${config.exports.maxPerClient} export(en) tegelijk. Wacht tot die klaar zijn.`,
      );
    }
    if (release === 'vol') {
      res.set('Retry-After', String(EXPORT_RETRY_AFTER_SECONDS));
      throw new HttpProblem(
        503,
        'Exports bezet',
        `Er lopen al ${slots.maxTotal} exports tegelijk. Probeer het over ${EXPORT_RETRY_AFTER_SECONDS} seconden opnieuw.`,
      );
    }
    res.once('close', release);
    guardStalledDownload(res, config.exports.stallTimeoutMs, () =>
      logger.warn('CSV-export afgebroken: de client nam niets af'),
    );
    const dialect = CSV_DIALECTS[query.dialect ?? 'excel'];
    // The programme asked for; else the gemeente's newest; else every programme's targets.
    let programmeIds: string[];
    if (query.programma) {
      if (!(await programmeExists(db, query.programma))) {
        throw notFound(`Er is geen programma met id ${query.programma}.`);
      }
      programmeIds = [query.programma];
    } else if (query.gemeente) {
      const programmeId = await defaultProgrammeOf(db, query.gemeente);
      programmeIds = programmeId ? [programmeId] : [];
    } else {
      programmeIds = await allProgrammeIds(db);
    }
    const targets = await loadTargetLookup(db, programmeIds, query.horizon ?? null);

    const rows = await firstRowBeforeHeaders(
      observationExportCsv(db, query, { canStream: Boolean(config.databaseUrl), targets, dialect }),
    );
    res.status(200);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="buurtpeil-waarnemingen-${today()}.csv"`,
      'Cache-Control': 'no-cache',
    });
    try {
      await writeCsv(rows, dialect, res);
    } catch (error) {
      // Headers and part of the body are gone already: all we can do is cut the download off.
      logger.error({ err: error }, 'CSV-export afgebroken');
      res.destroy(error as Error);
    }
  });

  api.get('/exports/kaartlaag.geojson', async (req, res) => {
    const query = parseQuery(req, geojsonExportQuerySchema);
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
    // feature properties and drops the collection's foreign members. Every feature has every field
    // (null when absent), in the order and with the types of GEOJSON_FIELDS.
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
      } satisfies Partial<Record<GeojsonField, unknown>>;
    });
    const date = today();
    res.set({
      'Content-Disposition': `attachment; filename="buurtpeil-${indicator.id}-${query.periode}-${date}.geojson"`,
      'Cache-Control': 'no-cache',
    });
    res.type('application/geo+json').send(
      stringifyGeojson({
        type: collection.type,
        // Foreign members (RFC 7946 §6.1): the source and date travel with the file.
        bron: `${indicator.source}; grenzen: CBS/Kadaster Wijk- en buurtkaart ${vintage}; export van ${date}`,
        attribution: ATTRIBUTION,
        exportdatum: date,
        indicator: { id: indicator.id, naam: indicator.name, eenheid: indicator.unit },
        periode: query.periode,
        indeling: vintage,
        niveau: level,
        programma: layer.programma,
        horizon: layer.horizon,
        ...(collection.bbox ? { bbox: collection.bbox } : {}),
        velden: GEOJSON_FIELDS,
        features: collection.features.map((feature) => ({
          ...feature,
          geometry: asMultiPolygon(feature.geometry),
        })),
      }),
    );
  });
};
