import { completeExternalSignIn as complete } from '../../domain/external-sign-in';
import type { MutationResolvers } from '../../resolvers.generated';

export const completeExternalSignIn: NonNullable<MutationResolvers['completeExternalSignIn']> = (_parent, args, ctx) => complete(ctx, args.input);
