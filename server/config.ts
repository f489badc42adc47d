import path from 'node:path';
import { projectRoot } from './projectRoot.ts';

/** The project's own reference data (indicator catalogue, KWB column map, programme definitions). */
export const geodataDir = path.join(projectRoot, 'geodata');

/** Every setting the app reads from the environment, in one place. */
export interface Config {
  /** A PostgreSQL connection string; when absent the embedded database (PGlite) is used. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files; `memory://` keeps it in memory. */
  dataDir: string;
  /** A local copy of CBS/PDOK files (e.g. ../shared/data) to load on an empty database. */
  sourceDataDir: string | undefined;
  port: number;
  host: string;
  /** Optional MapLibre style URL for a basemap; the map works without one. */
  basemapStyleUrl: string | undefined;
  /** Cookies get `Secure` unless this is explicitly a plain-http development setup. */
  secureCookies: boolean;
  logLevel: string;
  /** Published as info.contact of the OpenAPI document: a team or desk, never a person. */
  apiContact: { name: string; email: string; url: string };
  /** A gemeente (GM0546) whose boundaries and CBS figures are fetched online when not loaded yet. */
  gemeente: string | undefined;
  /** Base URL of PDOK's CBS datasets (OGC API Features per indeling). */
  pdokBaseUrl: string;
  /** Base URL of CBS OData v3 (TypedDataSet with paging via odata.nextLink). */
  cbsODataBaseUrl: string;
  /** Time limit of one request to PDOK or CBS, in milliseconds. */
  onlineTimeoutMs: number;
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For/-Proto to believe (BUURTPEIL_TRUST_PROXY,
   * e.g. `loopback`, `10.0.0.0/8` or a hop count). Unset: none, so a client cannot choose its own
   * address for the login throttle.
   */
  trustProxy: string | number | false;
  /**
   * Send Strict-Transport-Security on every answer (BUURTPEIL_HSTS=true), for a TLS proxy that is
   * not trusted for X-Forwarded-Proto. Without it HSTS goes only with answers over https.
   */
  hsts: boolean;
  /** PostgreSQL pool and timeouts (docs/decisions/0075); ignored on the embedded database. */
  database: {
    poolSize: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
  };
  /** Limits of the streamed CSV export (docs/decisions/0076). */
  exports: {
    /** Exports at once over all clients; kept below the pool size so ordinary requests get a connection. */
    maxConcurrent: number;
    /** Exports at once from one client address. */
    maxPerClient: number;
    /** A download whose client takes no bytes for this long is cut off and its cursor released. */
    stallTimeoutMs: number;
  };
}

function trustProxyOf(value: string | undefined): string | number | false {
  if (!value || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const numberFrom = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};

/**
 * info.contact of the OpenAPI document until the deployment names its own desk (README
 * "Instellingen"). It says what it is and how to set it; `.invalid` (RFC 2606) can reach nobody.
 */
export const UNSET_API_CONTACT = {
  name: 'Beheer van deze buurtpeil-installatie (nog niet ingesteld: zet BUURTPEIL_API_CONTACT_NAME, _EMAIL en _URL)',
  email: 'api-contact-niet-ingesteld@buurtpeil.invalid',
  url: 'https://buurtpeil.invalid/api-contact-niet-ingesteld',
} as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.BUURTPEIL_DB_DIR || path.resolve('data', 'pglite'),
    sourceDataDir: env.BUURTPEIL_DATA_DIR || undefined,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    basemapStyleUrl: env.BUURTPEIL_BASEMAP_STYLE_URL || undefined,
    secureCookies: env.BUURTPEIL_INSECURE_COOKIES !== 'true',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    apiContact: {
      name: env.BUURTPEIL_API_CONTACT_NAME || UNSET_API_CONTACT.name,
      email: env.BUURTPEIL_API_CONTACT_EMAIL || UNSET_API_CONTACT.email,
      url: env.BUURTPEIL_API_CONTACT_URL || UNSET_API_CONTACT.url,
    },
    gemeente: env.BUURTPEIL_GEMEENTE?.trim().toUpperCase() || undefined,
    pdokBaseUrl: env.BUURTPEIL_PDOK_URL || 'https://api.pdok.nl/cbs',
    cbsODataBaseUrl: env.BUURTPEIL_CBS_ODATA_URL || 'https://opendata.cbs.nl/ODataFeed/odata',
    onlineTimeoutMs: Number(env.BUURTPEIL_ONLINE_TIMEOUT_MS ?? 60_000),
    trustProxy: trustProxyOf(env.BUURTPEIL_TRUST_PROXY),
    hsts: env.BUURTPEIL_HSTS === 'true',
    database: {
      poolSize: Math.max(2, numberFrom(env.BUURTPEIL_DB_POOL_SIZE, 10)),
      connectTimeoutMs: numberFrom(env.BUURTPEIL_DB_CONNECT_TIMEOUT_MS, 3000),
      statementTimeoutMs: numberFrom(env.BUURTPEIL_DB_STATEMENT_TIMEOUT_MS, 5000),
      idleInTransactionTimeoutMs: numberFrom(env.BUURTPEIL_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, 60000),
    },
    exports: {
      maxConcurrent: numberFrom(env.BUURTPEIL_EXPORT_MAX_CONCURRENT, 0),
      maxPerClient: Math.max(1, numberFrom(env.BUURTPEIL_EXPORT_MAX_PER_CLIENT, 2)),
      stallTimeoutMs: numberFrom(env.BUURTPEIL_EXPORT_STALL_TIMEOUT_MS, 30000),
    },
  };
}
