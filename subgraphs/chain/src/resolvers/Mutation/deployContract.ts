import { decodeId } from '@mosaic/kit';
import { deployContract as deploy } from '../../domain/contracts/contracts';
import type { MutationResolvers } from '../../resolvers.generated';

export const deployContract: NonNullable<MutationResolvers['deployContract']> = (_parent, args, ctx) => deploy(ctx, { ...args.input, walletId: decodeId('Wallet', args.input.walletId, 'input.walletId') });
