/**
 * Reads the first item before the response starts, so a failing query still becomes a proper
 * problem+json answer; after the first byte is sent an error can only cut the download off.
 */
export async function firstRowBeforeHeaders<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      let done = Boolean(first.done);
      try {
        if (done) return;
        yield first.value as T;
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            done = true;
            return;
          }
          yield next.value;
        }
      } finally {
        // The download stopped early (client went away): let the source close its cursor.
        if (!done) await iterator.return?.();
      }
    },
  };
}
