import { endSession } from '../../domain/sessions';
import type { MutationResolvers } from '../../resolvers.generated';

export const logout: NonNullable<MutationResolvers['logout']> = (_parent, args, ctx) => endSession(ctx, args.refreshToken);
