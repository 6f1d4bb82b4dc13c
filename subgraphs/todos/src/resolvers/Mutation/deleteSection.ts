import { decodeId } from '@mosaic/kit';
import { deleteSection as remove } from '../../domain/sections';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteSection: NonNullable<MutationResolvers['deleteSection']> = (_parent, args, ctx) => remove(ctx, decodeId('Section', args.id));
