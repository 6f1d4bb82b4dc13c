import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { expensesEnv } from './env';
import { seedExpenses } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'expenses:read': { description: 'See your money accounts, transactions, budgets and reports.', roles: ['user'] },
    'expenses:write': { description: 'Record and change your money accounts, transactions, categories, budgets and rules.', roles: ['user'] },
  },
  settings: expensesEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedExpenses,
  build: buildSubgraph,
});
