import { changePassword as change } from '../../domain/change-password';
import type { MutationResolvers } from '../../resolvers.generated';

export const changePassword: NonNullable<MutationResolvers['changePassword']> = (_parent, args, ctx) => change(ctx, args.input);
