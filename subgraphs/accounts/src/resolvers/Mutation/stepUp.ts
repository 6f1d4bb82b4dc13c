import { stepUp as proveAgain } from '../../domain/two-factor/enrollment';
import type { MutationResolvers } from '../../resolvers.generated';

export const stepUp: NonNullable<MutationResolvers['stepUp']> = (_parent, args, ctx) => proveAgain(ctx, args.code);
