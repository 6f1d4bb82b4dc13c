import { decodeId } from '@mosaic/kit';
import { deleteLink as remove } from '../../domain/update-link';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteLink: NonNullable<MutationResolvers['deleteLink']> = async (_parent, args, ctx) => ({ deletedId: await remove(ctx, decodeId('Link', args.id)) });
