/** The ledger's domain functions for tools outside the subgraph (bench/): no GraphQL in between. */
export type { LedgerContext } from './context';
export { createLoaders } from './data/loaders';
export { openAccount } from './domain/accounts';
export { createTransfer, depositFunds } from './domain/transfers';
export { loadBankingSecrets } from './domain/secrets';
export { bankingEnv } from './env';
export { bankingEvents } from './events';
export { createOfflineFxProvider } from './providers/fx/offline';
export { createTransferBatcher } from './domain/transfer-batcher';
