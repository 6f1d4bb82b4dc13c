import { decodeId } from '@mosaic/kit';
import { removeNoteTags as remove } from '../../domain/note-tags';
import type { MutationResolvers } from '../../resolvers.generated';

export const removeNoteTags: NonNullable<MutationResolvers['removeNoteTags']> = (_parent, args, ctx) => remove(ctx, decodeId('Note', args.id), args.tags);
