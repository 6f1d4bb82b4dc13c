import { addPayee as add } from '../../domain/payees';
import type { MutationResolvers } from '../../resolvers.generated';

export const addPayee: NonNullable<MutationResolvers['addPayee']> = (_parent, args, ctx) => add(ctx, args.input);
