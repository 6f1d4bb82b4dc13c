import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { bankingEnv } from './env';
import { seedBanking } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'banking:read': { description: 'See your bankAccounts.', roles: ['user'] },
    'banking:write': { description: 'Create your bankAccounts.', roles: ['user'] },
  },
  settings: bankingEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedBanking,
  build: buildSubgraph,
});
