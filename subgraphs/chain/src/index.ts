import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, type ChainDeps } from './build';
import { chainEnv, type ChainSettings } from './env';
import { seedChain } from './seed';

export default defineSubgraph<ChainDeps, ChainSettings>(import.meta.url, {
  scopes: {
    'chain:read': { description: 'See your wallets, balances, transactions and contracts.', roles: ['user'] },
    'chain:write': { description: 'Create wallets, link addresses and follow contracts.', roles: ['user'] },
    'chain:sign': { description: 'Sign messages and typed data with your wallets.', roles: ['user'] },
    'chain:send': { description: 'Send transactions from your wallets (transfers, deployments, contract calls).', roles: ['user'] },
  },
  settings: chainEnv,
  deployment: {
    secrets: { CHAIN_KEY_ENCRYPTION_KEYS: 'pnpm --filter @mosaic/chain -s kek:generate' },
  },
  seed: seedChain,
  build: buildSubgraph,
});

/** For benchmarks: the pieces measured on their own. */
export { verifyMessageSignature, verifyTypedDataSignature } from './domain/signatures';
export type { BuiltChain } from './build';
