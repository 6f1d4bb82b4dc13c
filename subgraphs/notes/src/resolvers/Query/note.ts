import { decodeId } from '@mosaic/kit';
import { findNote } from '../../domain/notes';
import type { QueryResolvers } from '../../resolvers.generated';

export const note: NonNullable<QueryResolvers['note']> = (_parent, args, ctx) => findNote(ctx, decodeId('Note', args.id));
