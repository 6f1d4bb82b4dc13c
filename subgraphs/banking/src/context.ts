import type { Db, PubSub, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { BankingSecrets } from './domain/secrets';
import type { BankingSettings } from './env';
import type { BankingOutbox } from './events';
import type { FxRateProvider } from './providers/fx/fx-rates';
import type { TransferBatcher } from './domain/transfer-batcher';

/** What banking's domain functions need beyond the request. */
export interface Context extends RequestContext {
  db: Db;
  now: () => Date;
  settings: BankingSettings;
  loaders: Loaders;
  /** transfer.posted, transfer.voided, account.frozen — written in the transaction of the change. */
  events: BankingOutbox;
  secrets: BankingSecrets;
  fx: FxRateProvider;
  pubsub: PubSub;
  /** Groups concurrent transfers into one transaction (BANKING_BATCH_MAX > 1); absent: one transaction each. */
  batcher?: TransferBatcher;
}

/** What the ledger's domain functions use: no GraphQL, no loaders needed (the invariant test calls them directly). */
export type LedgerContext = Pick<Context, 'auth' | 'viewer' | 'db' | 'now' | 'settings' | 'events' | 'secrets' | 'fx' | 'log'> & Partial<Pick<Context, 'loaders' | 'batcher'>>;
