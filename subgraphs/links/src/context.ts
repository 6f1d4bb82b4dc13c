import type { Db, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { LinkCache } from './domain/redirect/link-cache';
import type { TitleFetcher } from './domain/titles/title-fetcher';
import type { LinksSettings } from './env';

/** What links' domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  /** When this request began: list filters judge link states at this one instant. */
  requestedAt: Date;
  settings: LinksSettings;
  loaders: Loaders;
  /** The redirect cache: every write of a link goes through `cache.written`. */
  cache: LinkCache;
  titles: TitleFetcher;
}
