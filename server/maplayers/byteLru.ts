/**
 * A least-recently-used map bounded by bytes, not entries: a national layer is a megabyte, a
 * gemeente's a few kilobytes. A Map keeps insertion order, so re-inserting on every hit makes the
 * first key the least recently used one.
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value without making it the most recently used. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Stores a value; one larger than the whole budget is not kept. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    this.evict();
  }

  /** Counts bytes added to a stored value later (a compressed copy made on first demand). */
  grow(key: string, bytes: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.bytes += bytes;
    this.used += bytes;
    this.evict();
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  /** Values, most recently used first. */
  newestFirst(): V[] {
    return [...this.entries.values()].reverse().map((entry) => entry.value);
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.used <= this.maxBytes) return;
      this.entries.delete(key);
      this.used -= entry.bytes;
    }
  }
}
