import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateSavedLocationInput!) { createSavedLocation(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first savedLocation for the demo user. */
export async function seedWeather(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first savedLocation' } }, 'user');
}
