import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  csvExportQuerySchema,
  csvExportSchema,
  flatgeobufExportSchema,
  geojsonExportQuerySchema,
  geojsonExportSchema,
} from '../../schemas/exports.ts';
import { documentGet } from '../http/documentGet.ts';
import type { MountFeature } from '../http/MountFeature.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { parseQuery } from '../http/validate.ts';
import { allProgrammeIds, defaultProgrammeOf, programmeExists } from '../maplayers/mapLayersRepository.ts';
import { CSV_DIALECTS } from './csvDialect.ts';
import { defaultMaxExports, ExportSlots } from './exportSlots.ts';
import { firstRowBeforeHeaders } from './firstRowBeforeHeaders.ts';
import { FLATGEOBUF_MEDIA_TYPE, flatgeobufLayer } from './flatgeobufLayer.ts';
import { GEOJSON_FIELDS, stringifyGeojson } from './geojsonFields.ts';
import { ATTRIBUTION, loadKaartlaagExport } from './kaartlaagExport.ts';
import { observationExportCsv } from './observationExportCsv.ts';
import { guardStalledDownload } from './stallGuard.ts';
import { loadTargetLookup } from './targetLookup.ts';
import { writeCsv } from './writeCsv.ts';

const EXPORT_RETRY_AFTER_SECONDS = 10;

const gzipAsync = promisify(gzip);

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

documentGet({
  path: '/exports/kaartlaag.fgb',
  operationId: 'exportKaartlaagFlatgeobuf',
  tag: 'Exports',
  summary: 'Dezelfde kaartlaag als FlatGeobuf (WGS84) voor GIS, met vaste veldtypen',
  description:
    'Dezelfde gebieden, velden (in dezelfde volgorde) en geheimhouding als `/exports/kaartlaag.geojson`, maar het ' +
    'bestand legt het type van elk veld vast: waarde, streefwaarde en score zijn altijd Real, teller, noemer en horizon ' +
    'altijd Integer, ook als een kolom in geen enkel gebied een getal heeft. Leesbaar in QGIS en GDAL (vanaf 3.1).',
  query: geojsonExportQuerySchema,
  response: flatgeobufExportSchema,
  contentType: FLATGEOBUF_MEDIA_TYPE,
  headers: {
    'Content-Disposition': 'attachment; filename="buurtpeil-<indicator>-<periode>-<datum>.fgb"',
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
    const layer = await loadKaartlaagExport(db, parseQuery(req, geojsonExportQuerySchema), today());
    res.set({
      'Content-Disposition': `attachment; filename="${layer.fileName}.geojson"`,
      'Cache-Control': 'no-cache',
    });
    res.type('application/geo+json').send(
      stringifyGeojson({
        type: 'FeatureCollection',
        // Foreign members (RFC 7946 §6.1): the source and date travel with the file.
        ...layer.about,
        ...(layer.bbox ? { bbox: layer.bbox } : {}),
        velden: GEOJSON_FIELDS,
        features: layer.features,
      }),
    );
  });

  // The same layer with a typed schema (decision 0104): a column empty in every feature keeps its type.
  api.get('/exports/kaartlaag.fgb', async (req, res) => {
    const layer = await loadKaartlaagExport(db, parseQuery(req, geojsonExportQuerySchema), today());
    const file = flatgeobufLayer({
      name: `${layer.indicator.id}_${layer.about.periode}`,
      title: `${layer.indicator.name} ${layer.about.periode}`,
      description: `${layer.about.bron}. ${ATTRIBUTION}`,
      metadata: JSON.stringify(layer.about),
      bbox: layer.bbox,
      features: layer.features,
    });
    res.set({
      'Content-Disposition': `attachment; filename="${layer.fileName}.fgb"`,
      'Cache-Control': 'no-cache',
    });
    res.vary('Accept-Encoding').type(FLATGEOBUF_MEDIA_TYPE);
    // compression() leaves a media type it does not know alone; gzip packs the file to an eighth.
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.set('Content-Encoding', 'gzip').send(await gzipAsync(file));
    } else {
      res.send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
    }
  });
};
