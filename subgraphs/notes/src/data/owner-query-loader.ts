import DataLoader from 'dataloader';

/** One owner's slice of a list query: `_entities` with N users asks for N of these with the same query. */
export interface OwnerKey<Q> {
  ownerId: string;
  query: Q;
}

const queryId = (query: unknown) => JSON.stringify(query);
const keyId = (key: OwnerKey<unknown>) => `${key.ownerId} ${queryId(key.query)}`;

/**
 * Like kit's `groupLoader`, but keyed by (owner, query): keys that share a query run as ONE
 * statement for all their owners, and distinct queries run side by side. Keys of one batch
 * normally share the query (one field of one operation), so N owners cost one statement, not N.
 * `collect` turns an owner's rows (in the order the query returned them) into the loaded value.
 */
export function ownerQueryLoader<Q, R, V>(
  run: (ownerIds: string[], query: Q) => Promise<R[]>,
  ownerOf: (row: R) => string,
  collect: (rows: R[]) => V,
): DataLoader<OwnerKey<Q>, V, string> {
  return new DataLoader<OwnerKey<Q>, V, string>(
    async (keys) => {
      const byQuery = new Map<string, { query: Q; ownerIds: string[] }>();
      for (const key of keys) {
        const id = queryId(key.query);
        const group = byQuery.get(id);
        if (group) group.ownerIds.push(key.ownerId);
        else byQuery.set(id, { query: key.query, ownerIds: [key.ownerId] });
      }
      const rowsByKey = new Map<string, R[]>();
      await Promise.all(
        [...byQuery].map(async ([id, { query, ownerIds }]) => {
          for (const row of await run(ownerIds, query)) {
            const key = `${ownerOf(row)} ${id}`;
            const rows = rowsByKey.get(key);
            if (rows) rows.push(row);
            else rowsByKey.set(key, [row]);
          }
        }),
      );
      return keys.map((key) => collect(rowsByKey.get(keyId(key)) ?? []));
    },
    { cacheKeyFn: keyId },
  );
}
