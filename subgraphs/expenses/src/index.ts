import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { expensesEnv } from './env';
import { seedExpenses } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'expenses:read': { description: 'See your expenseAccounts.', roles: ['user'] },
    'expenses:write': { description: 'Create your expenseAccounts.', roles: ['user'] },
  },
  settings: expensesEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedExpenses,
  build: buildSubgraph,
});
