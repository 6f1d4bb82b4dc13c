import type { SeedContext } from '@mosaic/kit';

const SHORTEN = `mutation($input: ShortenLinkInput!) { shortenLink(input: $input) { id shortUrl } }`;

/** Demo data for `pnpm start`: a few of the demo user's short links, one with an alias, one with a visit limit. */
export async function seedLinks(seed: SeedContext): Promise<void> {
  const links = [
    { url: 'https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/federation', alias: 'federation', title: 'Apollo Federation', tags: ['graphql', 'docs'] },
    { url: 'https://the-guild.dev/graphql/hive', title: 'GraphQL Hive', tags: ['graphql'] },
    { url: 'https://shlink.io/documentation/', alias: 'shlink', title: 'Shlink documentation', tags: ['docs'], maxVisits: 100 },
  ];
  for (const input of links) await seed.graphql(SHORTEN, { input }, 'user');
}
