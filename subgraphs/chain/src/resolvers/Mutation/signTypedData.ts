import { decodeId } from '@mosaic/kit';
import { signTypedData as sign } from '../../domain/signatures';
import type { MutationResolvers } from '../../resolvers.generated';

export const signTypedData: NonNullable<MutationResolvers['signTypedData']> = (_parent, args, ctx) => sign(ctx, decodeId('Wallet', args.walletId, 'walletId'), args.typedData);
