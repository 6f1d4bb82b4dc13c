import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { tenancyEnv } from './env';
import { seedTenancy } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'tenancy:read': { description: 'See your organizations, their members and plans.', roles: ['user'] },
    'tenancy:write': { description: 'Create organizations, invite and manage members, join by invitation.', roles: ['user'] },
  },
  settings: tenancyEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedTenancy,
  build: buildSubgraph,
});
