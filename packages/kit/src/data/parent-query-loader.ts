import DataLoader from 'dataloader';

/**
 * One parent's slice of a list query: `rooms { messages(first: 3) }` or `_entities` with N users
 * `{ notes(first: 3) }` ask for N of these with the same query.
 */
export interface ParentKey<Q> {
  parentId: string;
  query: Q;
}

const queryId = (query: unknown) => JSON.stringify(query);
const keyId = (key: ParentKey<unknown>) => `${key.parentId} ${queryId(key.query)}`;

/**
 * Keyed by (parent, query): keys that share a query run as ONE statement for all their parents,
 * distinct queries run side by side. Keys of one batch normally share the query (one field of
 * one operation), so N parents cost one statement, not N. `collect` turns a parent's rows (in the
 * order the query returned them) into the loaded value.
 */
export function parentQueryLoader<Q, R, V>(
  run: (parentIds: string[], query: Q) => Promise<R[]>,
  parentOf: (row: R) => string,
  collect: (rows: R[]) => V,
): DataLoader<ParentKey<Q>, V, string> {
  return new DataLoader<ParentKey<Q>, V, string>(
    async (keys) => {
      const byQuery = new Map<string, { query: Q; parentIds: string[] }>();
      for (const key of keys) {
        const id = queryId(key.query);
        const group = byQuery.get(id);
        if (group) group.parentIds.push(key.parentId);
        else byQuery.set(id, { query: key.query, parentIds: [key.parentId] });
      }
      const rowsByKey = new Map<string, R[]>();
      await Promise.all(
        [...byQuery].map(async ([id, { query, parentIds }]) => {
          for (const row of await run(parentIds, query)) {
            const key = `${parentOf(row)} ${id}`;
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
