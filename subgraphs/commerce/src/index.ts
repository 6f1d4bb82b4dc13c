import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { commerceEnv } from './env';
import { seedCommerce } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'commerce:read': { description: 'See your products.', roles: ['user'] },
    'commerce:write': { description: 'Create your products.', roles: ['user'] },
  },
  settings: commerceEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedCommerce,
  build: buildSubgraph,
});
