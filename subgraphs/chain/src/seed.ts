import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateWalletInput!) { createWallet(input: $input) { wallet { id address } } }`;

/**
 * Demo data for `pnpm start`: an HD wallet for the demo user, funded by the development
 * network's faucet. The network itself starts empty each time (its state lives in memory), so
 * the wallet's balance shows the welcome transfer only until the first restart; send yourself a
 * new one with `createWallet` or use a funded development account.
 */
export async function seedChain(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { label: 'Demo wallet' } }, 'user');
}
