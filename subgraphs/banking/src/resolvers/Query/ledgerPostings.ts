import { decodeId } from '@mosaic/kit';
import { searchLedger } from '../../domain/ledger-queries';
import type { QueryResolvers } from '../../resolvers.generated';

export const ledgerPostings: NonNullable<QueryResolvers['ledgerPostings']> = (_parent, args, ctx) => {
  const filter = args.filter ?? {};
  return searchLedger(
    ctx,
    {
      accountIds: filter.accountIds ? filter.accountIds.map((id, i) => decodeId('BankAccount', id, `filter.accountIds.${i}`)) : null,
      minAmount: filter.minAmount ?? null,
      maxAmount: filter.maxAmount ?? null,
      direction: filter.direction ?? null,
      from: filter.from ? new Date(filter.from) : null,
      to: filter.to ? new Date(filter.to) : null,
      counterpartyAccountNumber: filter.counterpartyAccountNumber ?? null,
    },
    args,
  );
};
