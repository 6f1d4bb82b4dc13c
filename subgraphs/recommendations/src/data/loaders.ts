import DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findHistories, type HistoryQuery } from './interactions-repo';
import { findItems, findNewItems, itemKey } from './items-repo';
import type { InteractionRow, ItemKind, ItemRow } from './tables';

/**
 * Per-request loaders: N users asking for recommendations or interactions cost one statement for
 * their histories and one for the items' facts, whatever N. After a write, refresh them with
 * kit's `refreshLoaders`.
 */
export interface Loaders {
  history: DataLoader<ParentKey<HistoryQuery>, InteractionRow[], string>;
  itemByKey: DataLoader<string, ItemRow | null>;
  /** Items of a kind listed after the model was trained (`<KIND>|<ISO instant>`): they have no behaviour yet. */
  newItems: DataLoader<string, ItemRow[]>;
}

export const newItemsKey = (kind: ItemKind, since: string) => `${kind}|${since}`;

export function createLoaders(db: Db): Loaders {
  return {
    history: parentQueryLoader((userIds, query: HistoryQuery) => findHistories(db, userIds, query), (row) => row.userId, (rows) => rows),
    itemByKey: rowLoader((keys: readonly string[]) => findItems(db, keys), (row) => itemKey(row.kind, row.id)),
    newItems: new DataLoader((keys: readonly string[]) =>
      Promise.all(
        keys.map((key) => {
          const [kind, since] = key.split('|') as [ItemKind, string];
          return findNewItems(db, kind, new Date(since), 200);
        }),
      ),
    ),
  };
}
