import { encodeId } from '@mosaic/kit';
import type { PostingResolvers } from '../resolvers.generated';

export const Posting: PostingResolvers = {
  id: (row) => encodeId('Posting', row.id),
  direction: (row) => (row.amount < 0n ? 'DEBIT' : 'CREDIT'),
  counterparty: (row) => ({ accountId: row.counterpartyAccountId }),
  transfer: async (row, _args, ctx) => (await ctx.loaders.transferById.load(row.transferId))!,
};
