import { createWallet as create } from '../../domain/wallets';
import type { MutationResolvers } from '../../resolvers.generated';

export const createWallet: NonNullable<MutationResolvers['createWallet']> = (_parent, args, ctx) => create(ctx, args.input);
