import { decodeId } from '@mosaic/kit';
import { deleteFile as remove } from '../../domain/files';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteFile: NonNullable<MutationResolvers['deleteFile']> = (_parent, args, ctx) => remove(ctx, decodeId('File', args.id));
