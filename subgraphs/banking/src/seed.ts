import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateBankAccountInput!) { createBankAccount(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first bankAccount for the demo user. */
export async function seedBanking(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first bankAccount' } }, 'user');
}
