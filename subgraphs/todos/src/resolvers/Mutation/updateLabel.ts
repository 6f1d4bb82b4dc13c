import { decodeId } from '@mosaic/kit';
import { updateLabel as update } from '../../domain/labels';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateLabel: NonNullable<MutationResolvers['updateLabel']> = (_parent, args, ctx) => update(ctx, decodeId('Label', args.id), args.input);
