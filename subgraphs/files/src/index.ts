import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { filesEnv } from './env';
import { seedFiles } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'files:read': { description: 'See your files.', roles: ['user'] },
    'files:write': { description: 'Create your files.', roles: ['user'] },
  },
  settings: filesEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedFiles,
  build: buildSubgraph,
});
