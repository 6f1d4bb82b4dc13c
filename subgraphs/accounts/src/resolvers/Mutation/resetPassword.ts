import { resetPassword as reset } from '../../domain/password-reset';
import type { MutationResolvers } from '../../resolvers.generated';

export const resetPassword: NonNullable<MutationResolvers['resetPassword']> = (_parent, args, ctx) => reset(ctx, args.input);
