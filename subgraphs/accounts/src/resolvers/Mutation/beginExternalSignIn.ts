import { beginExternalSignIn as begin } from '../../domain/external-sign-in';
import type { MutationResolvers } from '../../resolvers.generated';

export const beginExternalSignIn: NonNullable<MutationResolvers['beginExternalSignIn']> = (_parent, args, ctx) => begin(ctx, args);
