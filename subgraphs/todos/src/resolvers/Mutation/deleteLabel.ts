import { decodeId } from '@mosaic/kit';
import { deleteLabel as remove } from '../../domain/labels';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteLabel: NonNullable<MutationResolvers['deleteLabel']> = (_parent, args, ctx) => remove(ctx, decodeId('Label', args.id));
