import { importWatchOnlyWallet as importWallet } from '../../domain/wallets';
import type { MutationResolvers } from '../../resolvers.generated';

export const importWatchOnlyWallet: NonNullable<MutationResolvers['importWatchOnlyWallet']> = (_parent, args, ctx) => importWallet(ctx, args.input);
