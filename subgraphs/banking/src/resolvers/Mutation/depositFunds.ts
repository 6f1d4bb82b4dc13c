import { decodeId } from '@mosaic/kit';
import { depositFunds as deposit } from '../../domain/transfers';
import type { MutationResolvers } from '../../resolvers.generated';

export const depositFunds: NonNullable<MutationResolvers['depositFunds']> = async (_parent, { input }, ctx) =>
  (await deposit(ctx, { idempotencyKey: input.idempotencyKey, accountId: decodeId('BankAccount', input.accountId, 'input.accountId'), amount: input.amount, reference: input.reference ?? null })).transfer;
