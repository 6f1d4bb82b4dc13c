import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { tenancyEnv } from './env';
import { seedTenancy } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'tenancy:read': { description: 'See your organizations.', roles: ['user'] },
    'tenancy:write': { description: 'Create your organizations.', roles: ['user'] },
  },
  settings: tenancyEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedTenancy,
  build: buildSubgraph,
});
