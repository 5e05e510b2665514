/**
 * Small read-through caches for rarely changed rows read on hot paths (categories, webhooks, the holiday calendar).
 * One cache per database handle, so test environments and benches never share entries. A process that changes the data
 * calls `forget`; other servers on the same database see the change within `ttlMs`.
 */
export class TtlCache<K, V> {
  private readonly byDb = new WeakMap<object, Map<K, { at: number; value: V }>>();
  constructor(private readonly ttlMs: number) {}

  private entries(db: object): Map<K, { at: number; value: V }> {
    let map = this.byDb.get(db);
    if (!map) this.byDb.set(db, (map = new Map()));
    return map;
  }

  /** The cached value, or `load()`'s; `undefined` is not cached, so a missing row is asked for again. */
  async get(db: object, key: K, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries(db).get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = await load();
    if (value !== undefined) this.entries(db).set(key, { at: now, value });
    return value;
  }

  /** Drops the entries whose key matches (all of them without a test). */
  forget(db: object, matches: (key: K) => boolean = () => true): void {
    const map = this.entries(db);
    for (const key of map.keys()) if (matches(key)) map.delete(key);
  }
}
