import { decodeId } from '@mosaic/kit';
import { signMessage as sign } from '../../domain/signatures';
import type { MutationResolvers } from '../../resolvers.generated';

export const signMessage: NonNullable<MutationResolvers['signMessage']> = (_parent, args, ctx) => sign(ctx, decodeId('Wallet', args.walletId, 'walletId'), args.message);
