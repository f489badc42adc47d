import type { AppContext } from './AppContext.ts';
import { upsertIndicatorCatalogue } from './imports/catalogue/indicatorCatalogue.ts';
import { loadDataDirectory } from './imports/loadDataDirectory.ts';
import { loadConfiguredGemeente } from './imports/online/loadGemeenteOnline.ts';
import { loadPacksOnStart } from './imports/packs/loadPacksOnStart.ts';
import {
  loadProgrammeDefinitions,
  readProgrammeDefinitions,
} from './imports/programme/programmeDefinition.ts';
import { refreshProgrammeAreaGeometries } from './imports/programme/programmeDefinitionGeometry.ts';
import { reloadChangedProgrammeDefinitions } from './imports/programme/programmeDefinitionReload.ts';
import { refreshWithheldOnStart } from './imports/refreshWithheldOnStart.ts';
import { buildMissingOrStaleTileSets } from './maptiles/buildTileSets.ts';

/**
 * Start-up: writes the indicator catalogue (geodata/indicators.json) into `indicators`, loads the
 * data packs in geodata/packs/ not loaded into this database yet, the programme definitions in
 * geodata/programmes/ that are not in the database yet and, when the database had no boundaries
 * and BUURTPEIL_DATA_DIR names a local copy of the CBS/PDOK files, loads those. Without data it still starts and says plainly how to load it. With data already loaded
 * it only runs a few small queries.
 */
export async function bootstrap({ db, config, logger }: AppContext): Promise<void> {
  const indicators = await upsertIndicatorCatalogue(db);
  if (indicators.inserted + indicators.updated > 0) logger.info(indicators, 'indicatorcatalogus bijgewerkt');
  // Secondary suppression (0082) over what is loaded, only when the flags were computed with an
  // older rule or never: every load below refreshes what it writes itself (0125).
  const refreshStarted = Date.now();
  const withheld = await refreshWithheldOnStart(db);
  if (withheld !== undefined)
    logger.info(
      { gewijzigd: withheld, ms: Date.now() - refreshStarted },
      'secundaire onderdrukking opnieuw berekend (nieuwe regel of eerste start)',
    );

  // Areas the programme names are created as stubs without geometry, so "no data" means: no area
  // with a shape yet.
  const shaped = await db
    .selectFrom('areas')
    .select('code')
    .where('geometry', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  await loadPacksOnStart(db, logger);
  if (!shaped && config.sourceDataDir) {
    logger.info(`Geen grenzen in de database: gegevens laden uit ${config.sourceDataDir} …`);
    const started = Date.now();
    const summary = await loadDataDirectory(db, config.sourceDataDir, { actor: 'opstart' });
    for (const report of summary.reports) {
      logger.info(
        {
          bestand: report.fileName,
          nieuw: report.rowsNew,
          gecorrigeerd: report.rowsCorrected,
          ongewijzigd: report.rowsUnchanged,
        },
        report.label,
      );
    }
    if (summary.missingFiles.length > 0)
      logger.warn({ ontbreekt: summary.missingFiles }, 'niet alle bestanden gevonden');
    if (!summary.ok)
      logger.error({ fouten: summary.errors.slice(0, 20) }, 'laden uit BUURTPEIL_DATA_DIR is niet gelukt');
    else logger.info(`Gegevens geladen in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } else if (!shaped && !(await hasShapedArea(db))) {
    logger.warn(
      'Er zijn nog geen grenzen en cijfers geladen (geen datapakket in geodata/packs). Start met BUURTPEIL_DATA_DIR=<map met CBS/PDOK-bestanden> om ze bij de start te laden, of lees ze in met `npm run import -- map ../shared/data` (of per bestand: `npm run import -- grenzen <bestand>`, `kwb <bestand>`, `gemeente <bestand.csv>`; zie `npm run import -- --help`).',
    );
  }

  // BUURTPEIL_GEMEENTE: that gemeente from PDOK and CBS, when it is not loaded yet.
  await loadConfiguredGemeente({ db, config, logger });

  for (const result of await loadProgrammeDefinitions(db, 'opstart')) {
    if (result.status === 'geladen') {
      logger.info(result, `programma ${result.programmeId} geladen uit geodata/programmes`);
    }
  }
  // A definition file changed since its programme was loaded: reloaded unless worked on in beheer (0126).
  for (const result of await reloadChangedProgrammeDefinitions(db, readProgrammeDefinitions(), 'opstart')) {
    if (result.status === 'opnieuw geladen')
      logger.info(
        result,
        `programma ${result.programmeId} opnieuw geladen: het definitiebestand is gewijzigd`,
      );
    else if (result.status === 'bewerkt in beheer')
      logger.warn({ programma: result.programmeId }, result.message);
  }
  const outlines = await refreshProgrammeAreaGeometries(db);
  if (outlines > 0) logger.info(`${outlines} programmagebied(en) kregen een omtrek`);
  // Vector tiles for boundaries loaded before tiles existed or changed since (decisions 0117, 0111).
  const tilesStarted = Date.now();
  const tiled = await buildMissingOrStaleTileSets(db);
  if (tiled.length > 0)
    logger.info({ tegelsets: tiled, ms: Date.now() - tilesStarted }, 'kaarttegels gemaakt');
}

async function hasShapedArea(db: AppContext['db']): Promise<boolean> {
  const row = await db
    .selectFrom('areas')
    .select('code')
    .where('geometry', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
