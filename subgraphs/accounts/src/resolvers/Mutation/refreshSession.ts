import { refreshSession as rotate } from '../../domain/sessions';
import type { MutationResolvers } from '../../resolvers.generated';

export const refreshSession: NonNullable<MutationResolvers['refreshSession']> = (_parent, args, ctx) => rotate(ctx, args.refreshToken);
