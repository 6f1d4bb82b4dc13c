import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateLinkInput!) { createLink(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first link for the demo user. */
export async function seedLinks(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first link' } }, 'user');
}
