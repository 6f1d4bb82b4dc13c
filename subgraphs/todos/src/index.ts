import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { todosEnv } from './env';
import { seedTodos } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'todos:read': { description: 'See your todos and their history.', roles: ['user'] },
    'todos:write': { description: 'Create, change, complete, reorder and delete your todos.', roles: ['user'] },
  },
  settings: todosEnv,
  seed: seedTodos,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  // Tenant-scoped rows under row-level security: requests connect as the non-owner app role.
  rowLevelSecurity: true,
  build: buildSubgraph,
});
