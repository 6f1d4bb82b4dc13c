import type { SeedContext } from '@mosaic/kit';

const CREATE_ACCOUNT = `mutation($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { id } }`;

/** Demo data for `pnpm start`: the demo user's accounts. */
export async function seedExpenses(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE_ACCOUNT, { input: { name: 'Checking', kind: 'BANK', currency: 'EUR', openingBalance: '250000' } }, 'user');
}
