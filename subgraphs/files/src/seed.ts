import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateFileInput!) { createFile(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first file for the demo user. */
export async function seedFiles(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first file' } }, 'user');
}
