/**
 * Values kept for the provider process's life, one per key, made on first use: what every
 * resource of one `pulumi up` shares (connection pools, token caches, rate limiters, user
 * directories).
 */
export class ProcessWide<K, V> {
  private readonly byKey = new Map<K, V>();

  get(key: K, create: () => V): V {
    let value = this.byKey.get(key);
    if (value === undefined) {
      value = create();
      this.byKey.set(key, value);
    }
    return value;
  }

  /** Forgets every value (tests, and a process about to exit), handing back what it held. */
  clear(): V[] {
    const values = [...this.byKey.values()];
    this.byKey.clear();
    return values;
  }
}
