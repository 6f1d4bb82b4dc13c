import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { holdExpiry } from './domain/holds';
import { createTransferBatcher } from './domain/transfer-batcher';
import { fanOutReceived } from './domain/live';
import { loadBankingSecrets } from './domain/secrets';
import type { BankingSettings } from './env';
import { bankingEvents } from './events';
import { createFxProvider } from './providers/fx/create-fx-provider';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps, settings: BankingSettings): BuiltSubgraph {
  const events = deps.events.outbox(bankingEvents);
  const secrets = loadBankingSecrets(settings);
  const fx = createFxProvider(settings.fx, deps.now);
  // Receivers' live streams are fed by the relay: a posted transfer reaches them once committed.
  deps.events.on(bankingEvents, 'transfer.posted', fanOutReceived(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  // The ledger stays; the person's bank accounts close and their personal data goes (see the handler).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const log = deps.log.child({ subgraph: deps.name });
  const expiry = holdExpiry({ db: deps.db, now: deps.now, events }, log, settings.expiryIntervalMs);
  expiry.start();
  const batcher = settings.batchMax > 1 ? createTransferBatcher({ db: deps.db, now: deps.now, settings, events }, log, settings.batchMax, settings.batchesInFlight) : undefined;
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, loaders: createLoaders(deps.db), events, secrets, fx, pubsub: deps.pubsub, ...(batcher ? { batcher } : {}) }),
  });
  return { subgraph, close: () => expiry.close() };
}
