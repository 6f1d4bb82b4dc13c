import { decodeId } from '@mosaic/kit';
import { setTyping as publishTyping } from '../../domain/typing';
import type { MutationResolvers } from '../../resolvers.generated';

export const setTyping: NonNullable<MutationResolvers['setTyping']> = (_parent, args, ctx) => publishTyping(ctx, decodeId('Room', args.roomId, 'roomId'), args.isTyping);
