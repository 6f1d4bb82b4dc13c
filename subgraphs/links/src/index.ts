import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { linksEnv } from './env';
import { seedLinks } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'links:read': { description: 'See your short links and their visit statistics.', roles: ['user'] },
    'links:write': { description: 'Create, change and delete your short links.', roles: ['user'] },
  },
  settings: linksEnv,
  deployment: {
    // Short links live at the root (/<code>); the gateway's own paths keep precedence.
    publicPaths: ['/'],
    // Behind the gateway's forwarding or the ingress: the visitor's address is in X-Forwarded-For.
    env: { LINKS_TRUST_PROXY: 'true' },
  },
  seed: seedLinks,
  build: buildSubgraph,
});

export type { BuiltLinks } from './build';
export type { LinksSettings } from './env';
