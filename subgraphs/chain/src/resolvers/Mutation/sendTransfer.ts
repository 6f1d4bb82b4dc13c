import { decodeId } from '@mosaic/kit';
import { sendTransfer as send } from '../../domain/transactions/transfers';
import type { MutationResolvers } from '../../resolvers.generated';

export const sendTransfer: NonNullable<MutationResolvers['sendTransfer']> = (_parent, args, ctx) => send(ctx, { ...args.input, walletId: decodeId('Wallet', args.input.walletId, 'input.walletId') });
