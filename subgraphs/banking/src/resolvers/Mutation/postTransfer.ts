import { decodeId } from '@mosaic/kit';
import { postTransfer as post } from '../../domain/holds';
import type { MutationResolvers } from '../../resolvers.generated';

export const postTransfer: NonNullable<MutationResolvers['postTransfer']> = (_parent, args, ctx) => post(ctx, decodeId('Transfer', args.id));
