import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findPostPages, findPostsByIds, type PostPageQuery } from './post-repo';
import type { PostRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `posts` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  postById: DataLoader<string, PostRow | null>;
  postPage: DataLoader<ParentKey<PostPageQuery>, PostRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    postById: rowLoader((ids: readonly string[]) => findPostsByIds(db, ids), (row) => row.id),
    postPage: parentQueryLoader((ownerIds, query: PostPageQuery) => findPostPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
