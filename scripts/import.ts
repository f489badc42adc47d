import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readConfig } from '../server/config.ts';
import { createDatabase, type Db, databaseKind } from '../server/db/createDatabase.ts';
import { EmbeddedDatabaseInUseError } from '../server/db/embeddedLock.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { STARTUP_WAIT_MESSAGE, withStartupLock } from '../server/db/startupLock.ts';
import { fetchPdokAreas, type PdokCollection } from '../server/imports/boundaries/fetchPdok.ts';
import { upsertIndicatorCatalogue } from '../server/imports/catalogue/indicatorCatalogue.ts';
import {
  formatRowError,
  type ImportFileKind,
  type ImportReport,
  importFile,
} from '../server/imports/importFile.ts';
import { fetchKwbTypedDataSet } from '../server/imports/kwb/fetchKwbOData.ts';
import { loadDataDirectory } from '../server/imports/loadDataDirectory.ts';
import { loadGemeenteOnline } from '../server/imports/online/loadGemeenteOnline.ts';
import { refreshProgrammeAreaGeometries } from '../server/imports/programme/programmeDefinitionGeometry.ts';

const HELP = `Gegevens inlezen in buurtpeil.

Gebruik: npm run import -- <opdracht> [opties]

Opdrachten:
  grenzen <bestand.geojson> [--indeling 2022]
      Buurt-, wijk- of gemeentegrenzen (GeoJSON, RD New of WGS84). Wijken en gemeente worden
      afgeleid als het bestand alleen buurten bevat.
  grenzen --online --gemeente GM1916 --indeling 2022 [--collectie buurten]
      Haalt de grenzen op bij PDOK (OGC API Features, CBS wijken en buurten).
  kwb <bestand.csv|json> [--jaar 2024] [--gebieden-aanmaken]
      CBS Kerncijfers wijken en buurten (CSV of JSON van de TypedDataSet).
      --gebieden-aanmaken maakt gebieden zonder vorm aan voor gemeenten zonder ingelezen grenzen.
  kwb --online 85984NED [--filter "<OData-filter>"] [--gebieden-aanmaken]
      Haalt de tabel op bij CBS (OData, met paginering).
  gemeente <bestand.csv> [--indeling 2022]
      Eigen cijfers van de gemeente: gebiedscode, indicator, periode, waarde, teller, noemer, flags.
  elan <bestand.csv> [--indeling 2022]
      ELAN/LUMC-wijkprofielen (df_count_ver_3.csv of een uitsnede): aandelen van alle inwoners per
      wijk en jaar. Alle jaren komen op één indeling (standaard 2022, de indeling waarop ELAN rekent);
      wijken die daarin niet bestaan en aandelen van 0 (niet beschikbaar) worden overgeslagen.
  gemeente-online <GM0546>
      Haalt één gemeente op: grenzen van elke indeling bij PDOK (OGC API Features) en de KWB-cijfers
      2013–2024 en Arbeidsdeelname-tabellen bij CBS (OData; tabelnummers in geodata/cbs-tables.json).
      Alles of niets; doet niets als de gemeente al grenzen heeft. Hetzelfde als npm start met
      BUURTPEIL_GEMEENTE=GM0546 (BUURTPEIL_PDOK_URL, BUURTPEIL_CBS_ODATA_URL en
      BUURTPEIL_ONLINE_TIMEOUT_MS wijzigen de bronnen en de tijdslimiet).
  reeks <bestand.csv> [--indeling 2022]
      Reeks in lang formaat: gebiedscode;indicator;periode;waarde;teller;noemer;bron;flag (decimale
      punt; periode 2019 of halfjaar 2019H1). Bron en vlaggen blijven per waarde bewaard; rijen
      <indicator>_ondergrens95/_bovengrens95 worden het 95%-interval. Zonder --indeling volgt de
      indeling het jaar (GET /api/v1/indelingen).
  map <map>
      Laadt de GM1916-bestanden uit een map zoals ../shared/data (grenzen 2017 en 2022, KWB 2017 en 2024,
      ELAN-wijkprofielen als die er staan).

Opties:
  --proef      alleen controleren, niets opslaan
  --help       deze hulp

De database: DATABASE_URL (PostgreSQL) of anders de ingebouwde database in BUURTPEIL_DB_DIR.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h' },
    indeling: { type: 'string' },
    jaar: { type: 'string' },
    online: { type: 'boolean' },
    gemeente: { type: 'string' },
    collectie: { type: 'string' },
    filter: { type: 'string' },
    'gebieden-aanmaken': { type: 'boolean' },
    proef: { type: 'boolean' },
  },
  strict: true,
});
const [command, ...rest] = positionals;
if (values.help || !command) {
  console.log(HELP);
  process.exit(command || values.help ? 0 : 1);
}

const yearOption = (name: 'indeling' | 'jaar'): number | undefined => {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw)) fail(`--${name} moet een jaartal zijn, niet '${raw}'.`);
  return Number(raw);
};

function readInputFile(file: string | undefined): { fileName: string; bytes: Uint8Array } {
  if (!file) fail(`Geef een bestand op. Zie: npm run import -- --help`);
  try {
    if (!statSync(file).isFile()) fail(`${file} is geen bestand.`);
    return { fileName: path.basename(file), bytes: readFileSync(file) };
  } catch (error) {
    fail(`Het bestand ${file} kan niet gelezen worden: ${(error as Error).message}`);
  }
}

function printReport(report: ImportReport, seconds: number): void {
  const title = report.dryRun ? 'Proef (niets opgeslagen)' : 'Ingelezen';
  console.log(
    `\n${title}: ${report.fileName} (${report.kind}${report.year ? `, jaar ${report.year}` : ''}${report.vintage ? `, indeling ${report.vintage}` : ''})`,
  );
  console.log(
    `  regels: ${report.rowsTotal}  nieuw: ${report.rowsNew}  gecorrigeerd: ${report.rowsCorrected}  ongewijzigd: ${report.rowsUnchanged}${report.rowsSkipped ? `  overgeslagen: ${report.rowsSkipped}` : ''}`,
  );
  if (report.importId)
    console.log(`  import-id: ${report.importId}  sha256: ${report.fileHash.slice(0, 16)}…`);
  console.log(`  tijd: ${seconds.toFixed(2)} s`);
  for (const warning of report.warnings.slice(0, 20)) console.log(`  let op: ${formatRowError(warning)}`);
  if (report.warningsTotal > 20) console.log(`  … en nog ${report.warningsTotal - 20} waarschuwingen`);
}

function printErrors(report: ImportReport): void {
  console.error(
    `\nNiet ingelezen: ${report.fileName} — ${report.errorsTotal} fout(en); er is niets opgeslagen.`,
  );
  for (const error of report.errors.slice(0, 50)) console.error(`  ${formatRowError(error)}`);
  if (report.errorsTotal > 50) console.error(`  … en nog ${report.errorsTotal - 50} fouten`);
}

async function runImport(
  db: Db,
  kind: ImportFileKind,
  file: { fileName: string; bytes: Uint8Array },
  extra: { vintage?: number; year?: number },
) {
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {fase}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(3, 0, { fase: 'lezen' });
  const report = await importFile(
    db,
    { kind, ...file, actor: 'cli', ...extra },
    {
      dryRun: values.proef === true,
      createMissingAreas: values['gebieden-aanmaken'] === true,
      onProgress: (phase, done) => bar.update(done, { fase: phase }),
    },
  );
  bar.update(3, { fase: 'klaar' });
  bar.stop();
  if (!report.ok) {
    printErrors(report);
    return false;
  }
  printReport(report, (Date.now() - started) / 1000);
  return true;
}

const config = readConfig();
const db = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let ok = true;
try {
  // The whole command under the app's start-up lock (0078): it never interleaves with a starting
  // app's migrations, catalogue and data packs; the app waits for it and then finds it done.
  await withStartupLock(
    db,
    databaseKind(config),
    async () => {
      await migrateToLatest(db);
      await upsertIndicatorCatalogue(db);
      switch (command) {
        case 'grenzen': {
          const vintage = yearOption('indeling');
          if (values.online) {
            if (!values.gemeente || vintage === undefined)
              fail('Online grenzen ophalen vraagt --gemeente GM…. en --indeling <jaar>.');
            console.log(`Grenzen ophalen bij PDOK (wijken-en-buurten-${vintage}, ${values.gemeente}) …`);
            const download = await fetchPdokAreas({
              year: vintage,
              gemeenteCode: values.gemeente,
              collection: (values.collectie ?? 'buurten') as PdokCollection,
              onPage: (page, features) => console.log(`  pagina ${page}: ${features} gebieden`),
            });
            ok = await runImport(db, 'grenzen', download, { vintage });
          } else {
            ok = await runImport(
              db,
              'grenzen',
              readInputFile(rest[0]),
              vintage === undefined ? {} : { vintage },
            );
          }
          if (ok && !values.proef) await refreshProgrammeAreaGeometries(db);
          break;
        }
        case 'kwb': {
          const year = yearOption('jaar');
          if (values.online) {
            const tableId = rest[0];
            if (!tableId)
              fail('Geef het tabelnummer op, bijvoorbeeld: npm run import -- kwb --online 85984NED');
            console.log(`KWB-tabel ${tableId} ophalen bij CBS …`);
            const download = await fetchKwbTypedDataSet({
              tableId,
              ...(values.filter ? { filter: values.filter } : {}),
              onPage: (page, rows) => console.log(`  pagina ${page}: ${rows} regels`),
            });
            ok = await runImport(db, 'kwb', download, year === undefined ? {} : { year });
          } else {
            ok = await runImport(db, 'kwb', readInputFile(rest[0]), year === undefined ? {} : { year });
          }
          break;
        }
        case 'gemeente': {
          const vintage = yearOption('indeling');
          ok = await runImport(
            db,
            'gemeentecijfers',
            readInputFile(rest[0]),
            vintage === undefined ? {} : { vintage },
          );
          break;
        }
        case 'elan': {
          const vintage = yearOption('indeling');
          ok = await runImport(db, 'elan', readInputFile(rest[0]), vintage === undefined ? {} : { vintage });
          break;
        }
        case 'gemeente-online': {
          const code = rest[0]?.trim().toUpperCase();
          if (!code) fail('Geef de gemeentecode op, bijvoorbeeld: npm run import -- gemeente-online GM0546');
          if (values.proef)
            fail('--proef kan niet bij gemeente-online: het ophalen wordt alleen in zijn geheel opgeslagen.');
          const started = Date.now();
          const result = await loadGemeenteOnline(db, code, {
            actor: 'cli',
            sources: {
              pdokBaseUrl: config.pdokBaseUrl,
              cbsODataBaseUrl: config.cbsODataBaseUrl,
              timeoutMs: config.onlineTimeoutMs,
            },
            log: (message) => console.log(message),
          });
          for (const report of result.reports)
            console.log(
              `✓ ${report.label}: nieuw ${report.rowsNew}, gecorrigeerd ${report.rowsCorrected}, ongewijzigd ${report.rowsUnchanged}`,
            );
          for (const warning of result.warnings) console.log(`  let op: ${warning}`);
          if (result.status === 'geladen' || result.status === 'al-geladen') {
            console.log(result.message);
            if (result.status === 'geladen') await refreshProgrammeAreaGeometries(db);
            console.log(`Klaar in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          } else {
            console.error(result.message);
            ok = false;
          }
          break;
        }
        case 'reeks': {
          const vintage = yearOption('indeling');
          ok = await runImport(db, 'reeks', readInputFile(rest[0]), vintage === undefined ? {} : { vintage });
          break;
        }
        case 'map': {
          const directory = rest[0];
          if (!directory) fail('Geef de map op, bijvoorbeeld: npm run import -- map ../shared/data');
          const bar = new cliProgress.SingleBar(
            { format: '{bar} {value}/{total} | {bestand}', hideCursor: true, clearOnComplete: true },
            cliProgress.Presets.shades_classic,
          );
          const started = Date.now();
          bar.start(4, 0, { bestand: '' });
          const summary = await loadDataDirectory(db, path.resolve(directory), {
            actor: 'cli',
            onProgress: (done, total, label) => {
              bar.setTotal(total);
              bar.update(done, { bestand: label });
            },
          });
          bar.stop();
          for (const report of summary.reports) {
            console.log(
              `${report.ok ? '✓' : '✗'} ${report.label}: nieuw ${report.rowsNew}, gecorrigeerd ${report.rowsCorrected}, ongewijzigd ${report.rowsUnchanged}`,
            );
          }
          for (const missing of summary.missingFiles) console.log(`  ontbreekt: ${missing}`);
          for (const error of summary.errors) console.error(`  ${error}`);
          await refreshProgrammeAreaGeometries(db);
          console.log(`Klaar in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          ok = summary.ok;
          break;
        }
        default:
          fail(`Onbekende opdracht '${command}'. Zie: npm run import -- --help`);
      }
    },
    { onWait: () => console.log(STARTUP_WAIT_MESSAGE) },
  );
} catch (error) {
  // A running app holds the embedded database: say so in one sentence, nothing written.
  if (error instanceof EmbeddedDatabaseInUseError) console.error(error.message);
  else console.error(`Inlezen mislukt: ${(error as Error).message}`);
  ok = false;
} finally {
  await db.destroy();
}
process.exit(ok ? 0 : 1);
