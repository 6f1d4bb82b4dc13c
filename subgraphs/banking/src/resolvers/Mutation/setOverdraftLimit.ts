import { decodeId } from '@mosaic/kit';
import { setOverdraftLimit as setLimit } from '../../domain/accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const setOverdraftLimit: NonNullable<MutationResolvers['setOverdraftLimit']> = (_parent, args, ctx) => setLimit(ctx, decodeId('BankAccount', args.id), args.limit);
