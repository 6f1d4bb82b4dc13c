import { decodeId } from '@mosaic/kit';
import { inviteToRoom as invite } from '../../domain/invitations';
import type { MutationResolvers } from '../../resolvers.generated';

export const inviteToRoom: NonNullable<MutationResolvers['inviteToRoom']> = (_parent, args, ctx) =>
  invite(ctx, decodeId('Room', args.roomId, 'roomId'), decodeId('User', args.userId, 'userId'));
