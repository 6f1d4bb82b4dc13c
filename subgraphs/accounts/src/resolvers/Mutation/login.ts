import { login as signIn } from '../../domain/login';
import type { MutationResolvers } from '../../resolvers.generated';

export const login: NonNullable<MutationResolvers['login']> = (_parent, args, ctx) => signIn(ctx, args.input);
