import { requestPasswordReset as request } from '../../domain/password-reset';
import type { MutationResolvers } from '../../resolvers.generated';

export const requestPasswordReset: NonNullable<MutationResolvers['requestPasswordReset']> = (_parent, args, ctx) => request(ctx, args.email);
