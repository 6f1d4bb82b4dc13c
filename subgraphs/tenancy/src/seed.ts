import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first organization for the demo user. */
export async function seedTenancy(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first organization' } }, 'user');
}
