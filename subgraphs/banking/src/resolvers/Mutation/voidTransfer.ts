import { decodeId } from '@mosaic/kit';
import { voidTransfer as voidHold } from '../../domain/holds';
import type { MutationResolvers } from '../../resolvers.generated';

export const voidTransfer: NonNullable<MutationResolvers['voidTransfer']> = (_parent, args, ctx) => voidHold(ctx, decodeId('Transfer', args.id));
