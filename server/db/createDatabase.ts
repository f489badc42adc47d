import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acceptCopyFromStdin, copyThroughClient } from './copyFromStdin.ts';
import type { Database } from './Database.ts';
import { lockEmbeddedDatabase } from './embeddedLock.ts';
import { prepareDataDir } from './prepareDataDir.ts';

// PostgreSQL returns bigint (int8) and numeric as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export type Db = Kysely<Database>;

export interface DatabaseTarget {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database, or `memory://`. */
  dataDir?: string;
  /** PostgreSQL only: pool size, timeouts and where pool errors go (docs/decisions/0075). */
  pool?: PoolSettings;
}

export interface PoolSettings {
  /** Pooled connections (default 10). */
  max?: number;
  /** How long to wait for a new connection or for a free pooled one before failing (ms). */
  connectTimeoutMs?: number;
  /** Server-side statement_timeout (ms); the client gives up 1 s later if the server is frozen. */
  statementTimeoutMs?: number;
  /** Server-side idle_in_transaction_session_timeout (ms): a stalled transaction is ended. */
  idleInTransactionTimeoutMs?: number;
  /** Called for errors of idle or checked-out connections (a dropped connection, a stopped server). */
  onError?: (error: Error) => void;
}

/**
 * A client whose read timeout also drops the connection: after a timed-out query the protocol
 * stream is out of step, and a frozen server may answer it later, so the client must not go back
 * into the pool as if nothing happened. A transaction that raises its own statement_timeout
 * (`set local statement_timeout = N`, as imports do) gets a read timeout to match until it ends.
 */
class TimeoutSafeClient extends pg.Client {
  #transactionTimeoutMs: number | undefined;

  override query(...args: unknown[]): never {
    const [text, values] = args;
    const copy = copyThroughClient(this, super.query as (...a: unknown[]) => unknown, text, values);
    if (copy) return copy as never;
    if (typeof text === 'string') {
      const raised = /^\s*set\s+local\s+statement_timeout\s*=\s*'?(\d+)'?\s*$/i.exec(text);
      if (raised) this.#transactionTimeoutMs = Number(raised[1]) + 1000;
      else if (/^\s*(commit|rollback)\b/i.test(text)) this.#transactionTimeoutMs = undefined;
      if (this.#transactionTimeoutMs !== undefined && (values === undefined || Array.isArray(values))) {
        args = [{ text, values, query_timeout: this.#transactionTimeoutMs }, ...args.slice(2)];
      }
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).catch === 'function') {
      (result as Promise<unknown>).catch((error: Error) => {
        if (/Query read timeout/.test(error?.message ?? ''))
          (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      });
    }
    return result as never;
  }
}

/** A pg pool whose errors never crash the process and whose waits are bounded. */
export function createPool(databaseUrl: string, settings: PoolSettings = {}): pg.Pool {
  const onError = settings.onError ?? (() => {});
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: settings.max ?? 10,
    Client: TimeoutSafeClient,
    keepAlive: true,
    ...(settings.connectTimeoutMs ? { connectionTimeoutMillis: settings.connectTimeoutMs } : {}),
    ...(settings.statementTimeoutMs
      ? { statement_timeout: settings.statementTimeoutMs, query_timeout: settings.statementTimeoutMs + 1000 }
      : {}),
    ...(settings.idleInTransactionTimeoutMs
      ? { idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs }
      : {}),
  });
  // An idle pooled connection that drops emits 'error' on the pool; a checked-out one emits it on
  // the client. Without listeners either ends the process ("Unhandled 'error' event").
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** One Kysely instance over either a PostgreSQL server (when a URL is given) or embedded PGlite. */
export function createDatabase(target: DatabaseTarget): Db {
  if (target.databaseUrl) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: createPool(target.databaseUrl, target.pool) }),
    });
  }
  const dataDir = target.dataDir ?? 'memory://';
  prepareDataDir(dataDir);
  return new Kysely<Database>({
    dialect: new PGliteDialect({
      pglite: async () => {
        // One process per directory (decision 0080): throws EmbeddedDatabaseInUseError otherwise.
        const release = dataDir.includes('://') ? () => {} : lockEmbeddedDatabase(dataDir);
        try {
          const pglite = new PGlite(dataDir, {
            parsers: { 20: (value: string) => Number(value), 1700: (value: string) => Number(value) },
          });
          await pglite.waitReady;
          acceptCopyFromStdin(pglite);
          const close = pglite.close.bind(pglite);
          pglite.close = async () => {
            try {
              await close();
            } finally {
              release();
            }
          };
          return pglite;
        } catch (error) {
          release();
          throw error;
        }
      },
    }),
  });
}

export function databaseKind(target: DatabaseTarget): 'postgresql' | 'pglite' {
  return target.databaseUrl ? 'postgresql' : 'pglite';
}
