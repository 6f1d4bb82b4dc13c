import { decodeId } from '@mosaic/kit';
import { searchChat } from '../../domain/search';
import type { QueryResolvers } from '../../resolvers.generated';

export const chatSearch: NonNullable<QueryResolvers['chatSearch']> = (_parent, args, ctx) =>
  searchChat(ctx, { ...args, roomId: args.roomId ? decodeId('Room', args.roomId, 'roomId') : null });
