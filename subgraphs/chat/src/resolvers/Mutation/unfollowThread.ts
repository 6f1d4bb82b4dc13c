import { decodeId } from '@mosaic/kit';
import { unfollowThread as run } from '../../domain/threads';
import type { MutationResolvers } from '../../resolvers.generated';

export const unfollowThread: NonNullable<MutationResolvers['unfollowThread']> = (_parent, args, ctx) => run(ctx, decodeId('Message', args.messageId, 'messageId'));
