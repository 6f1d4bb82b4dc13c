import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnLink } from '../domain/links';
import type { LinkResolvers } from '../resolvers.generated';

export const Link: LinkResolvers = {
  // `_entities` applies the same rule as `Query.link`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnLink(ctx, decodeId('Link', reference.id)),
  id: (row) => encodeId('Link', row.id),
  owner: (row) => userReference(row.ownerId),
};
