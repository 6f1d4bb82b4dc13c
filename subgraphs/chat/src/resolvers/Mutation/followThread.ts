import { decodeId } from '@mosaic/kit';
import { followThread as run } from '../../domain/threads';
import type { MutationResolvers } from '../../resolvers.generated';

export const followThread: NonNullable<MutationResolvers['followThread']> = (_parent, args, ctx) => run(ctx, decodeId('Message', args.messageId, 'messageId'));
