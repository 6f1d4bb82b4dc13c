import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnFile } from '../domain/files';
import type { FileResolvers } from '../resolvers.generated';

export const File: FileResolvers = {
  // `_entities` applies the same rule as `Query.file`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnFile(ctx, decodeId('File', reference.id)),
  id: (row) => encodeId('File', row.id),
  owner: (row) => userReference(row.ownerId),
};
