import { holderNameOf, maskedNumberOf } from '../domain/accounts';
import { isHouse } from '../domain/ledger';
import type { Context } from '../context';
import type { AccountReferenceResolvers } from '../resolvers.generated';

const load = async (ctx: Context, accountId: string) => {
  const row = await ctx.loaders.accountById.load(accountId);
  if (!row) throw new Error(`Account ${accountId} of a posting is missing.`);
  return row;
};

/** The other side as a counterpart sees it: masked number and holder name, batched by the loader. */
export const AccountReference: AccountReferenceResolvers = {
  maskedNumber: async ({ accountId }, _args, ctx) => maskedNumberOf(ctx.secrets, await load(ctx, accountId)),
  holderName: async ({ accountId }, _args, ctx) => holderNameOf(ctx.secrets, await load(ctx, accountId)),
  bank: async ({ accountId }, _args, ctx) => isHouse(await load(ctx, accountId)),
};
