import { decodeId } from '@mosaic/kit';
import { exchangeCurrency as exchange } from '../../domain/transfers';
import type { MutationResolvers } from '../../resolvers.generated';

export const exchangeCurrency: NonNullable<MutationResolvers['exchangeCurrency']> = async (_parent, { input }, ctx) =>
  (
    await exchange(ctx, {
      idempotencyKey: input.idempotencyKey,
      fromAccountId: decodeId('BankAccount', input.fromAccountId, 'input.fromAccountId'),
      toAccountId: decodeId('BankAccount', input.toAccountId, 'input.toAccountId'),
      amount: input.amount,
      reference: input.reference ?? null,
    })
  ).transfer;
