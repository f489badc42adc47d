/**
 * How many streamed exports may run at once, overall and per client (docs/decisions/0076). Each
 * export on PostgreSQL holds one pooled connection for as long as its client downloads, so
 * without a bound ten slow clients take the whole pool. Pure: no Express, no database.
 */
export type SlotRefusal = 'vol' | 'client';

export class ExportSlots {
  #total = 0;
  readonly #perClient = new Map<string, number>();

  constructor(
    readonly maxTotal: number,
    readonly maxPerClient: number,
  ) {}

  get inUse() {
    return this.#total;
  }

  /** A release function for a free slot, or why there is none. Release is idempotent. */
  acquire(client: string): (() => void) | SlotRefusal {
    const ofClient = this.#perClient.get(client) ?? 0;
    if (ofClient >= this.maxPerClient) return 'client';
    if (this.#total >= this.maxTotal) return 'vol';
    this.#total++;
    this.#perClient.set(client, ofClient + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left <= 0) this.#perClient.delete(client);
      else this.#perClient.set(client, left);
    };
  }
}

/** Exports at once when not configured: half the pool, so ordinary requests always find a connection. */
export function defaultMaxExports(poolSize: number): number {
  return Math.max(1, Math.floor(poolSize / 2));
}
