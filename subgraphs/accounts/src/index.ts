import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, JWKS_PATH } from './build';
import { demoSession } from './domain/demo-accounts';
import { accountsEnv } from './env';

export default defineSubgraph(import.meta.url, {
  scopes: {
    profile: { description: 'See your name, email and roles.', roles: ['user'] },
    'users:read': { description: 'List every user (administrators).', roles: ['admin'] },
    'users:write': { description: "Change users' roles (administrators).", roles: ['admin'] },
  },
  settings: accountsEnv,
  deployment: { secrets: { ACCOUNTS_SIGNING_KEYS: 'pnpm keys:generate prints one' }, jwksPath: JWKS_PATH },
  demoSession,
  build: buildSubgraph,
});

export { grantRole } from './domain/demo-accounts';
