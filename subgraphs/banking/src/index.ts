import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { bankingEnv } from './env';
import { seedBanking } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'banking:read': { description: 'See your bank accounts, balances, statements and transfers.', roles: ['user'] },
    'banking:write': { description: 'Open and close bank accounts, move money and manage payees.', roles: ['user'] },
    'banking:admin': { description: 'Pay money in, freeze accounts and set overdraft limits (bank staff).', roles: ['admin', 'staff'] },
  },
  settings: bankingEnv,
  deployment: {
    secrets: {
      BANKING_KEY_ENCRYPTION_KEYS: 'pnpm --filter @mosaic/banking -s keys:generate',
      BANKING_LOOKUP_KEYS: 'pnpm --filter @mosaic/banking -s keys:generate',
    },
  },
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedBanking,
  build: buildSubgraph,
});
