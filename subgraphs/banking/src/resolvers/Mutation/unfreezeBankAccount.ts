import { decodeId } from '@mosaic/kit';
import { unfreezeAccount } from '../../domain/accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const unfreezeBankAccount: NonNullable<MutationResolvers['unfreezeBankAccount']> = (_parent, args, ctx) => unfreezeAccount(ctx, decodeId('BankAccount', args.id));
