import { register as registerUser } from '../../domain/register';
import type { MutationResolvers } from '../../resolvers.generated';

export const register: NonNullable<MutationResolvers['register']> = (_parent, args, ctx) => registerUser(ctx, args.input);
