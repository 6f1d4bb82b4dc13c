import { decodeId } from '@mosaic/kit';
import { shareFile as share } from '../../domain/files';
import type { MutationResolvers } from '../../resolvers.generated';

export const shareFile: NonNullable<MutationResolvers['shareFile']> = (_parent, { input }, ctx) =>
  share(ctx, decodeId('File', input.fileId), decodeId('User', input.userId), true);

export const unshareFile: NonNullable<MutationResolvers['unshareFile']> = (_parent, { input }, ctx) =>
  share(ctx, decodeId('File', input.fileId), decodeId('User', input.userId), false);
