import { composeServices } from '@apollo/composition';
import { parse, print } from 'graphql';
import { SUBGRAPHS } from './subgraphs/all';

/** Entity types the entity-cache benchmark hints, and the subgraph that declares each hint. */
const HINTED: Record<string, string> = { accounts: 'User', products: 'Product', reviews: 'Review' };

/**
 * The benchmark's supergraph as it is composed when the subgraphs declare `@cacheControl(maxAge: 60)`
 * on User, Product and Review (composed with `@composeDirective`, as Mosaic's subgraphs do). Only
 * the gateway reads it: the subgraph processes are the usual ones (hints change nothing they answer).
 */
export function composeHintedSupergraph(urls: Record<string, string>): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => {
      const typeName = HINTED[s.name];
      if (!typeName) return { name: s.name, typeDefs: s.typeDefs, url: urls[s.name]! };
      const sdl = print(s.typeDefs)
        .replace('import: [', 'import: ["@composeDirective", ')
        .replace(/(extend schema @link\([^)]*\))/, '$1 @link(url: "https://mosaic.dev/cache/v0.1", import: ["@cacheControl"]) @composeDirective(name: "@cacheControl")')
        .replace(new RegExp(`type ${typeName} @key`), `type ${typeName} @cacheControl(maxAge: 60) @key`);
      const definitions = `
        directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
        enum CacheControlScope { PUBLIC PRIVATE }`;
      return { name: s.name, typeDefs: parse(`${sdl}\n${definitions}`), url: urls[s.name]! };
    }),
  );
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  if (!result.supergraphSdl.includes('@cacheControl(maxAge: 60)')) throw new Error('the hints did not survive composition');
  return result.supergraphSdl;
}
