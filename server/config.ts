import path from 'node:path';

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

const numberFrom = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};

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
