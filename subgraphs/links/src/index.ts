import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { linksEnv } from './env';
import { seedLinks } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'links:read': { description: 'See your links.', roles: ['user'] },
    'links:write': { description: 'Create your links.', roles: ['user'] },
  },
  settings: linksEnv,
  seed: seedLinks,
  build: buildSubgraph,
});
