import { decodeId } from '@mosaic/kit';
import { revokeUserSessions as revokeAll } from '../../domain/session-list';
import type { MutationResolvers } from '../../resolvers.generated';

export const revokeUserSessions: NonNullable<MutationResolvers['revokeUserSessions']> = (_parent, args, ctx) => revokeAll(ctx, decodeId('User', args.userId, 'userId'));
