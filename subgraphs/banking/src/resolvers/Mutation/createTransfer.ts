import { decodeId } from '@mosaic/kit';
import { createTransfer as create } from '../../domain/transfers';
import type { MutationResolvers } from '../../resolvers.generated';

export const createTransfer: NonNullable<MutationResolvers['createTransfer']> = async (_parent, { input }, ctx) => {
  const result = await create(ctx, {
    idempotencyKey: input.idempotencyKey,
    fromAccountId: decodeId('BankAccount', input.fromAccountId, 'input.fromAccountId'),
    toAccountId: input.toAccountId ? decodeId('BankAccount', input.toAccountId, 'input.toAccountId') : null,
    toAccountNumber: input.toAccountNumber ?? null,
    toPayeeId: input.toPayeeId ? decodeId('Payee', input.toPayeeId, 'input.toPayeeId') : null,
    amount: input.amount,
    reference: input.reference ?? null,
    hold: input.hold ?? null,
  });
  return result.transfer;
};
