import { confirmSignUp as confirm } from '../../domain/sign-up';
import type { MutationResolvers } from '../../resolvers.generated';

export const confirmSignUp: NonNullable<MutationResolvers['confirmSignUp']> = (_parent, args, ctx) => confirm(ctx, args.input);
