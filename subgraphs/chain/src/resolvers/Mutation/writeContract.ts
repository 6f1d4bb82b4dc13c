import { decodeId } from '@mosaic/kit';
import { writeContract as write } from '../../domain/contracts/contracts';
import type { MutationResolvers } from '../../resolvers.generated';

export const writeContract: NonNullable<MutationResolvers['writeContract']> = (_parent, args, ctx) =>
  write(ctx, { ...args.input, walletId: decodeId('Wallet', args.input.walletId, 'input.walletId'), contractId: decodeId('Contract', args.input.contractId, 'input.contractId') });
