import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { id } }`;

/** Demo data for `pnpm start`: a first post for the demo user. */
export async function seedBlog(seed: SeedContext): Promise<void> {
  await seed.graphql(CREATE, { input: { name: 'My first post' } }, 'user');
}
