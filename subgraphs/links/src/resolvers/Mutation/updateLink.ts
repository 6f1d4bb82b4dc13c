import { decodeId } from '@mosaic/kit';
import { updateLink as update } from '../../domain/update-link';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateLink: NonNullable<MutationResolvers['updateLink']> = (_parent, args, ctx) => update(ctx, decodeId('Link', args.id), args.input);
