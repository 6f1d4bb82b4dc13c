import { decodeId } from '@mosaic/kit';
import { addNoteTags as add } from '../../domain/note-tags';
import type { MutationResolvers } from '../../resolvers.generated';

export const addNoteTags: NonNullable<MutationResolvers['addNoteTags']> = (_parent, args, ctx) => add(ctx, decodeId('Note', args.id), args.tags);
