import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateExpenseAccountInput!) { createExpenseAccount(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first expenseAccount for the demo user. */
export async function seedExpenses(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first expenseAccount' } }, 'user');
}
