import { decodeId } from '@mosaic/kit';
import { findOwnWallet } from '../../domain/wallets';
import type { QueryResolvers } from '../../resolvers.generated';

export const wallet: NonNullable<QueryResolvers['wallet']> = (_parent, args, ctx) => findOwnWallet(ctx, decodeId('Wallet', args.id));
