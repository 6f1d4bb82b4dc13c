import { decodeId } from '@mosaic/kit';
import { openDirectConversation as open } from '../../domain/direct';
import type { MutationResolvers } from '../../resolvers.generated';

export const openDirectConversation: NonNullable<MutationResolvers['openDirectConversation']> = (_parent, args, ctx) =>
  open(
    ctx,
    args.userIds.map((id, index) => decodeId('User', id, `userIds.${index}`)),
  );
