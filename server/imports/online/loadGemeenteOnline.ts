import type { Feature } from 'geojson';
import { gemeenteCodeOf } from '../../areas/areaCodes.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/createDatabase.ts';
import { fetchPdokFeatures, type PdokCollection, pdokDownload } from '../boundaries/fetchPdok.ts';
import { parseBoundaries } from '../boundaries/parseBoundaries.ts';
import { readCbsTables } from '../catalogue/cbsTables.ts';
import { formatRowError, type ImportFileKind, type ImportReport, importFile } from '../importFile.ts';
import { fetchCbsDimension, fetchKwbTypedDataSet } from '../kwb/fetchKwbOData.ts';
import { boundaryVintageForKwbYear, stripColumnSuffix } from '../kwb/kwbColumnMap.ts';
import { createFetchJson, type FetchJson, OnlineFetchError } from '../onlineFetch.ts';

export interface OnlineSources {
  pdokBaseUrl: string;
  cbsODataBaseUrl: string;
  timeoutMs: number;
  /** Replaces Node's fetch (tests); the time limit then is the fake's business. */
  fetchImpl?: FetchJson;
  /** Features per PDOK page (PDOK allows up to 1000). */
  pdokPageSize?: number;
}

export type GemeenteOnlineStatus = 'geladen' | 'al-geladen' | 'offline' | 'mislukt';

export interface GemeenteOnlineResult {
  status: GemeenteOnlineStatus;
  gemeenteCode: string;
  /** One Dutch sentence for the log or the terminal. */
  message: string;
  /** The imports written (empty unless `geladen`). */
  reports: (ImportReport & { label: string })[];
  /** Rows left out, e.g. areas of a KWB year that are not in the indeling that year is read on. */
  warnings: string[];
  requests: number;
}

interface PendingFile {
  kind: ImportFileKind;
  label: string;
  fileName: string;
  bytes: Uint8Array;
  vintage?: number;
  year?: number;
}

const COLLECTIONS: PdokCollection[] = ['buurten', 'wijken', 'gemeenten'];

/**
 * The OData filter for one gemeente's region keys plus Nederland, so a national table comes down
 * as a few hundred rows: `startswith(WijkenEnBuurten,'GM0546') or … 'WK0546' … 'BU0546' … 'NL'`.
 */
export function regionFilter(gemeenteCode: string): string {
  const number = gemeenteCode.slice(2);
  return ['NL', `GM${number}`, `WK${number}`, `BU${number}`]
    .map((prefix) => `startswith(WijkenEnBuurten,'${prefix}')`)
    .join(' or ');
}

export function offlineMessage(gemeenteCode: string, detail: string): string {
  return `PDOK en CBS zijn niet bereikbaar (${detail}), dus de grenzen en cijfers van ${gemeenteCode} zijn niet opgehaald; lees ze uit bestanden in met \`npm run import -- grenzen <bestand.geojson>\` en \`npm run import -- kwb <bestand.csv>\` (of een hele map met \`npm run import -- map <map>\`), of start opnieuw met een internetverbinding.`;
}

class RefusedImport extends Error {}

/**
 * Fetches one gemeente from the official services and loads it, all-or-nothing: for every
 * indeling the KWB years use (geodata/kwb-columns.json), its buurten, wijken and gemeente from
 * PDOK's OGC API Features; the KWB table of every year and the Arbeidsdeelname tables
 * (geodata/cbs-tables.json) from CBS OData, filtered on the gemeente's region keys. Everything is
 * downloaded and checked first; then all files are imported in one transaction, so a failed
 * request, a refused file or a crash writes nothing. Does nothing when the gemeente already has
 * boundaries.
 */
export async function loadGemeenteOnline(
  db: Db,
  gemeenteCode: string,
  options: {
    sources: OnlineSources;
    actor: string;
    kwbYears?: number[];
    arbeidsdeelnameYears?: number[];
    log?: (message: string) => void;
  },
): Promise<GemeenteOnlineResult> {
  const result: GemeenteOnlineResult = {
    status: 'mislukt',
    gemeenteCode,
    message: '',
    reports: [],
    warnings: [],
    requests: 0,
  };
  const log = options.log ?? (() => {});
  if (!/^GM\d{4}$/.test(gemeenteCode)) {
    result.message = `'${gemeenteCode}' is geen CBS-gemeentecode (verwacht GM en vier cijfers, zoals GM0546).`;
    return result;
  }
  const loaded = await db
    .selectFrom('areas')
    .select('code')
    .where('geometry', 'is not', null)
    .where((eb) => eb.or([eb('gemeente_code', '=', gemeenteCode), eb('code', '=', gemeenteCode)]))
    .limit(1)
    .executeTakeFirst();
  if (loaded) {
    result.status = 'al-geladen';
    result.message = `De grenzen van ${gemeenteCode} staan al in de database; er is niets opgehaald.`;
    return result;
  }

  const { sources } = options;
  const inner = sources.fetchImpl ?? createFetchJson(sources.timeoutMs);
  const fetchImpl: FetchJson = (url) => {
    result.requests++;
    return inner(url);
  };
  const tables = readCbsTables();
  const kwbYears = options.kwbYears ?? Object.keys(tables.kwb).map(Number);
  const arbeidsdeelnameYears =
    options.arbeidsdeelnameYears ?? Object.keys(tables.arbeidsdeelname.tables).map(Number);

  let files: PendingFile[];
  try {
    files = await download();
  } catch (error) {
    if (error instanceof OnlineFetchError && error.failure === 'onbereikbaar') {
      result.status = 'offline';
      result.message = offlineMessage(gemeenteCode, error.detail);
    } else {
      result.message = `Ophalen van ${gemeenteCode} is mislukt: ${(error as Error).message} Er is niets opgeslagen.`;
    }
    return result;
  }

  log(`${files.length} bestanden van ${gemeenteCode} opgehaald (${result.requests} verzoeken); inlezen …`);
  const reports: GemeenteOnlineResult['reports'] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const file of files) {
        const report = await importFile(
          trx,
          {
            kind: file.kind,
            fileName: file.fileName,
            bytes: file.bytes,
            actor: options.actor,
            ...(file.vintage === undefined ? {} : { vintage: file.vintage }),
            ...(file.year === undefined ? {} : { year: file.year }),
          },
          { dryRun: false },
        );
        reports.push({ ...report, label: file.label });
        if (!report.ok) {
          const shown = report.errors.slice(0, 3).map(formatRowError).join(' ');
          throw new RefusedImport(
            `${file.label} is geweigerd (${report.errors.length} fout(en)): ${shown}${report.errors.length > 3 ? ' …' : ''}`,
          );
        }
      }
    });
  } catch (error) {
    result.message = `Inlezen van ${gemeenteCode} is mislukt: ${(error as Error).message} Er is niets opgeslagen.`;
    return result;
  }
  result.reports = reports;
  result.status = 'geladen';
  const observations = reports
    .filter((report) => report.kind !== 'grenzen')
    .reduce((sum, report) => sum + report.rowsNew + report.rowsCorrected, 0);
  result.message = `${gemeenteCode} is opgehaald bij PDOK en CBS: grenzen van indeling ${[
    ...new Set(files.filter((file) => file.kind === 'grenzen').map((file) => file.vintage)),
  ].join(
    ' en ',
  )}, ${observations} waarden uit ${files.filter((file) => file.kind !== 'grenzen').length} CBS-tabellen.`;
  return result;

  async function download(): Promise<PendingFile[]> {
    const pending: PendingFile[] = [];
    const vintageOf = (year: number): number => {
      const vintage = boundaryVintageForKwbYear(year);
      if (vintage === undefined)
        throw new Error(`Voor jaar ${year} is geen gebiedsindeling bekend (geodata/kwb-columns.json).`);
      return vintage;
    };
    const vintages = [...new Set([...kwbYears, ...arbeidsdeelnameYears].map(vintageOf))].sort();
    /** Area codes per indeling, from the downloaded boundaries: the rows a CBS table may bring. */
    const knownCodes = new Map<number, Set<string>>();
    for (const vintage of vintages) {
      const features: Feature[] = [];
      let pages = 0;
      for (const collection of COLLECTIONS) {
        const fetched = await fetchPdokFeatures({
          year: vintage,
          gemeenteCode,
          collection,
          base: sources.pdokBaseUrl,
          dataset: tables.pdok[String(vintage)],
          limit: sources.pdokPageSize ?? 1000,
          fetchImpl,
        });
        if (collection === 'buurten' && fetched.features.length === 0)
          throw new Error(`PDOK kent geen buurten van ${gemeenteCode} in indeling ${vintage}.`);
        features.push(...fetched.features);
        pages += fetched.pages;
        log(`  PDOK ${collection} ${vintage}: ${fetched.features.length} gebieden`);
      }
      const file = pdokDownload(`${gemeenteCode}_${vintage}`, features, pages);
      const parsed = parseBoundaries(new TextDecoder().decode(file.bytes), {
        fileName: file.fileName,
        vintage,
      });
      if (parsed.errors.length > 0)
        throw new Error(
          `De grenzen van indeling ${vintage} uit PDOK zijn onbruikbaar: ${parsed.errors.slice(0, 3).map(formatRowError).join(' ')}`,
        );
      knownCodes.set(vintage, new Set(parsed.areas.map((area) => area.code)));
      pending.push({
        kind: 'grenzen',
        label: `Grenzen ${gemeenteCode} indeling ${vintage} (PDOK)`,
        fileName: file.fileName,
        bytes: file.bytes,
        vintage,
      });
    }

    const filter = regionFilter(gemeenteCode);
    for (const year of kwbYears) {
      const tableId = tables.kwb[String(year)];
      if (!tableId) throw new Error(`Voor KWB-jaar ${year} staat geen tabel in geodata/cbs-tables.json.`);
      const download = await fetchKwbTypedDataSet({
        tableId,
        filter,
        base: sources.cbsODataBaseUrl,
        fetchImpl,
      });
      const kwbFile = tableFile(
        tableId,
        `KWB ${year} ${gemeenteCode} (${tableId})`,
        year,
        rowsOf(download.bytes, tableId),
      );
      if (kwbFile) pending.push(kwbFile);
      log(`  CBS ${tableId} (KWB ${year}): ${download.rows} regels`);
    }

    for (const year of arbeidsdeelnameYears) {
      const tableId = tables.arbeidsdeelname.tables[String(year)];
      if (!tableId)
        throw new Error(`Voor Arbeidsdeelname ${year} staat geen tabel in geodata/cbs-tables.json.`);
      const selection: [string, string][] = [];
      for (const [dimension, title] of Object.entries(tables.arbeidsdeelname.selectie)) {
        const categories = await fetchCbsDimension({
          tableId,
          dimension,
          base: sources.cbsODataBaseUrl,
          fetchImpl,
        });
        const category = categories.find((candidate) => candidate.Title.trim() === title);
        if (!category) throw new Error(`CBS-tabel ${tableId} kent in dimensie ${dimension} geen '${title}'.`);
        selection.push([dimension, category.Key]);
      }
      const download = await fetchKwbTypedDataSet({
        tableId,
        filter: `(${filter}) and ${selection.map(([dimension, key]) => `${dimension} eq '${key}'`).join(' and ')}`,
        base: sources.cbsODataBaseUrl,
        fetchImpl,
      });
      const rows = rowsOf(download.bytes, tableId).filter((row) =>
        selection.every(([dimension, key]) => row[dimension] === key),
      );
      const file = tableFile(tableId, `Arbeidsdeelname ${year} ${gemeenteCode} (${tableId})`, year, rows);
      if (file) pending.push(file);
      log(`  CBS ${tableId} (Arbeidsdeelname ${year}): ${rows.length} regels`);
    }
    return pending;

    /**
     * The rows of this gemeente (and Nederland) whose area exists in the indeling the year is
     * read on; the others are named in one warning. A KWB year before an indeling change holds
     * codes of its own year's buurten, which the app's indelingen may not have.
     */
    function tableFile(
      tableId: string,
      label: string,
      year: number,
      rows: Record<string, unknown>[],
    ): PendingFile | undefined {
      const vintage = vintageOf(year);
      const known = knownCodes.get(vintage)!;
      const kept: Record<string, unknown>[] = [];
      const skipped: string[] = [];
      for (const row of rows) {
        const code = regionCodeOf(row);
        if (code.startsWith('NL') || known.has(code)) kept.push(row);
        else if (gemeenteCodeOf(code) === gemeenteCode) skipped.push(code);
      }
      // A gemeente formed after that year (a merger) has no rows in it: nothing to read, no error.
      if (!kept.some((row) => gemeenteCodeOf(regionCodeOf(row)) === gemeenteCode)) {
        result.warnings.push(`${label}: de tabel heeft geen gebieden van ${gemeenteCode}; overgeslagen.`);
        return undefined;
      }
      if (skipped.length > 0)
        result.warnings.push(
          `${label}: ${skipped.length} gebieden staan niet in indeling ${vintage} en zijn overgeslagen (${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}).`,
        );
      const document = {
        'odata.metadata': `${sources.cbsODataBaseUrl}/${tableId}/$metadata#TypedDataSet`,
        table: tableId,
        value: kept,
      };
      return {
        kind: 'kwb',
        label,
        fileName: `${tableId}_${gemeenteCode}_TypedDataSet.json`,
        bytes: new TextEncoder().encode(JSON.stringify(document)),
        year,
      };
    }
  }
}

function rowsOf(bytes: Uint8Array, tableId: string): Record<string, unknown>[] {
  const document = JSON.parse(new TextDecoder().decode(bytes)) as { value: unknown[] };
  return document.value.filter((row): row is Record<string, unknown> => {
    if (row && typeof row === 'object') return true;
    throw new Error(`CBS-tabel ${tableId} bevat een regel die geen object is.`);
  });
}

/** The region key of a TypedDataSet row: `Codering_3` where the table has it, else the dimension. */
function regionCodeOf(row: Record<string, unknown>): string {
  for (const [key, value] of Object.entries(row))
    if (stripColumnSuffix(key) === 'Codering' && typeof value === 'string') return value.trim();
  return String(row.WijkenEnBuurten ?? '').trim();
}

/** The subset of the app's context start-up hands in. */
export interface OnlineStartContext {
  db: Db;
  config: Pick<Config, 'gemeente' | 'pdokBaseUrl' | 'cbsODataBaseUrl' | 'onlineTimeoutMs'>;
  logger: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

/**
 * Start-up: with BUURTPEIL_GEMEENTE set and that gemeente not loaded yet, fetch it online. Never
 * stops the app from starting: offline or on a failure it says so in one Dutch sentence.
 */
export async function loadConfiguredGemeente({
  db,
  config,
  logger,
}: OnlineStartContext): Promise<GemeenteOnlineResult | undefined> {
  if (!config.gemeente) return undefined;
  const started = Date.now();
  logger.info(`BUURTPEIL_GEMEENTE=${config.gemeente}: grenzen en cijfers ophalen bij PDOK en CBS …`);
  const result = await loadGemeenteOnline(db, config.gemeente, {
    actor: 'opstart',
    sources: {
      pdokBaseUrl: config.pdokBaseUrl,
      cbsODataBaseUrl: config.cbsODataBaseUrl,
      timeoutMs: config.onlineTimeoutMs,
    },
    log: (message) => logger.info(message),
  });
  for (const warning of result.warnings) logger.warn(warning);
  if (result.status === 'geladen')
    logger.info(`${result.message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  else if (result.status === 'al-geladen') logger.info(result.message);
  else if (result.status === 'offline') logger.warn(result.message);
  else logger.error(result.message);
  return result;
}
