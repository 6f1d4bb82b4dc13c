import type { GraphQLResolveInfo } from 'graphql';

/** Apollo Server's per-request cache hints, on `info` while a request is being resolved. */
type WithCacheControl = GraphQLResolveInfo & { cacheControl?: { setCacheHint(hint: { scope: 'PRIVATE' }): void } };

/**
 * A product that is not ACTIVE is seen by catalog staff only: the answer holding it must not be
 * shared (the gateway's entity and response caches honour the `Cache-Control: private` it makes).
 */
export async function privateUnlessActive<P extends { status: string } | null>(info: GraphQLResolveInfo, product: Promise<P> | P): Promise<P> {
  const found = await product;
  if (found && found.status !== 'ACTIVE') (info as WithCacheControl).cacheControl?.setCacheHint({ scope: 'PRIVATE' });
  return found;
}
