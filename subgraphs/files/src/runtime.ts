import type { Db, Logger, Outbox } from '@mosaic/kit';
import type { QuotaPolicy } from './domain/quota';
import type { FilesSettings } from './env';
import type { filesEvents } from './events';
import type { ObjectStorage } from './providers/storage';

/** What the files subgraph's domain needs beyond a request: shared by GraphQL, the upload and download paths and the jobs. */
export interface FilesRuntime {
  db: Db;
  storage: ObjectStorage;
  settings: FilesSettings;
  events: Outbox<typeof filesEvents>;
  quota: QuotaPolicy;
  now: () => Date;
  log: Logger;
}
