import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findAttachedFile } from '../domain/attached-files';
import { downloadUrl, findReadableFile, publicUrl, sharedWith, thumbnailUrl } from '../domain/files';
import type { FileResolvers } from '../resolvers.generated';

export const File: FileResolvers = {
  // `_entities` applies the same rule as `Query.file`: those who may read it resolve it; others get null.
  // By the second key, a ticket the attaching subgraph issued to the reader (docs/adr/0012-file-attachments.md).
  __resolveReference: (reference, ctx) =>
    'attachmentTicket' in reference && typeof reference.attachmentTicket === 'string'
      ? findAttachedFile(ctx, reference.attachmentTicket)
      : findReadableFile(ctx, decodeId('File', (reference as { id: string }).id)),
  attachmentTicket: () => null,
  id: (row) => encodeId('File', row.id),
  owner: (row) => userReference(row.ownerId),
  downloadUrl: (row, args, ctx) => downloadUrl(ctx, row, args.disposition === 'INLINE' ? 'inline' : 'attachment', args.expiresInSeconds),
  thumbnailUrl: (row, args, ctx) => thumbnailUrl(ctx, row, args.expiresInSeconds),
  publicUrl: (row, _args, ctx) => publicUrl(ctx, row),
  sharedWith: async (row, _args, ctx) => (await sharedWith(ctx, row)).map(userReference),
};
