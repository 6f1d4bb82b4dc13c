import { decodeId } from '@mosaic/kit';
import { revokeOwnSession } from '../../domain/session-list';
import type { MutationResolvers } from '../../resolvers.generated';

export const revokeSession: NonNullable<MutationResolvers['revokeSession']> = (_parent, args, ctx) => revokeOwnSession(ctx, decodeId('Session', args.id));
