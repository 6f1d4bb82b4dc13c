import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { blogEnv } from './env';
import { seedBlog } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'blog:read': { description: 'See your posts.', roles: ['user'] },
    'blog:write': { description: 'Create your posts.', roles: ['user'] },
  },
  settings: blogEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedBlog,
  build: buildSubgraph,
});
