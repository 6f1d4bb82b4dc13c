import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first product for the demo user. */
export async function seedCommerce(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first product' } }, 'user');
}
