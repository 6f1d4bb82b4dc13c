import { decodeId } from '@mosaic/kit';
import { removePayee as remove } from '../../domain/payees';
import type { MutationResolvers } from '../../resolvers.generated';

export const removePayee: NonNullable<MutationResolvers['removePayee']> = (_parent, args, ctx) => remove(ctx, decodeId('Payee', args.id));
