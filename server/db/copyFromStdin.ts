import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { Database } from './Database.ts';

// `COPY … FROM STDIN` through Kysely, on both databases (decision 0111). Kysely passes a query's
// text and parameters to the driver and nothing else, so the COPY data travels as the statement's
// one parameter (an array of text chunks in COPY's format) and the drivers made by createDatabase
// recognise the statement: PostgreSQL sends the chunks as COPY data (pg-copy-streams), PGlite reads
// them from its '/dev/blob' device. The statement runs on the connection of the caller's
// transaction, so it is part of that transaction like any other query.

const COPY_FROM_STDIN = /^\s*copy\s[^;]*\sfrom\s+stdin\b/i;

/** True for a `copy … from stdin` statement whose one parameter is its data (chunks of text). */
function isCopyFromStdin(text: unknown, values: unknown): values is [readonly string[]] {
  return (
    typeof text === 'string' &&
    COPY_FROM_STDIN.test(text) &&
    Array.isArray(values) &&
    values.length === 1 &&
    Array.isArray(values[0])
  );
}

/** Runs `statement` (`copy table (columns) from stdin …`) with `chunks` as its data. */
export async function copyFromStdin(
  db: Kysely<Database>,
  statement: string,
  chunks: readonly string[],
): Promise<void> {
  if (!COPY_FROM_STDIN.test(statement)) throw new Error(`Not a COPY … FROM STDIN: ${statement}`);
  await db.executeQuery(CompiledQuery.raw(statement, [chunks]));
}

type QueryCall = (text: unknown, values?: unknown, ...rest: unknown[]) => unknown;

/**
 * PostgreSQL (inside the pool's client class): a recognised COPY goes out as a copy-in stream;
 * anything else to `query`. The result looks like any other command's to Kysely.
 */
export function copyThroughClient(
  client: pg.Client,
  query: QueryCall,
  text: unknown,
  values: unknown,
): Promise<{ command: string; rowCount: number; rows: [] }> | undefined {
  if (!isCopyFromStdin(text, values)) return undefined;
  const stream = query.call(client, copyFromStream(text as string)) as ReturnType<typeof copyFromStream>;
  return pipeline(Readable.from(values[0]), stream).then(() => ({
    command: 'COPY',
    rowCount: stream.rowCount,
    rows: [],
  }));
}

type PGliteQuery = PGlite['query'];

/** A query function that gives a recognised COPY its data through PGlite's '/dev/blob'. */
function blobbedQuery(query: PGliteQuery): PGliteQuery {
  return ((text: string, values?: unknown[], options?: Parameters<PGliteQuery>[2]) => {
    if (!isCopyFromStdin(text, values)) return query(text, values, options);
    const fromBlob = text.replace(/\sfrom\s+stdin\b/i, " from '/dev/blob'");
    return query(fromBlob, [], { ...options, blob: new Blob(values[0] as string[]) });
  }) as PGliteQuery;
}

/** PGlite: its own queries and those of its transactions (Kysely uses both) understand the COPY. */
export function acceptCopyFromStdin(pglite: PGlite): PGlite {
  pglite.query = blobbedQuery(pglite.query.bind(pglite));
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = (<T>(callback: (tx: PGliteTransaction) => Promise<T>) =>
    transaction((tx) => {
      const query = blobbedQuery(tx.query.bind(tx));
      return callback(
        new Proxy(tx, { get: (target, key) => (key === 'query' ? query : Reflect.get(target, key)) }),
      );
    })) as PGlite['transaction'];
  return pglite;
}
