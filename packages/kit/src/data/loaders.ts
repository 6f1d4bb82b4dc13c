import DataLoader from 'dataloader';

/**
 * A per-request loader for one row per key: the batch function runs one query for all keys
 * requested in the same tick, and results are matched back to keys (missing → null).
 */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A per-request loader for many rows per key (a relation): one query for all keys, rows grouped
 * back per key in the order the query returned them. `cacheKeyFn` lets composite keys (objects)
 * share cache entries by value.
 */
export function groupLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  groupOf: (row: V) => string,
  keyId: (key: K) => string,
): DataLoader<K, V[], string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, V[]>();
      for (const row of await fetch(keys)) {
        const id = groupOf(row);
        const group = groups.get(id);
        if (group) group.push(row);
        else groups.set(id, [row]);
      }
      return keys.map((key) => groups.get(keyId(key)) ?? []);
    },
    { cacheKeyFn: keyId },
  );
}

/** A row a write produced (or null once deleted), to prime into its loader. */
export interface WrittenRow<K, V> {
  loader: DataLoader<K, V | null, unknown>;
  key: K;
  row: V | null;
}

export const written = <K, V>(loader: DataLoader<K, V | null, unknown>, key: K, row: V | null): WrittenRow<K, V> => ({ loader, key, row });

/**
 * The one way to refresh a request's loaders after a write (and before each event of a
 * subscription, whose context lives as long as the stream): every cached read may be stale, so all
 * are forgotten; the rows the write returned are primed, so reading them back costs nothing.
 * `loaders` is the subgraph's record of DataLoaders.
 */
export function refreshLoaders(loaders: object, ...rows: WrittenRow<unknown, unknown>[]): void {
  for (const loader of Object.values(loaders)) if (loader instanceof DataLoader) loader.clearAll();
  for (const { loader, key, row } of rows) loader.prime(key, row);
}
