import { decodeId } from '@mosaic/kit';
import { noteDocument as load } from '../../domain/co-editing/co-editing';
import type { QueryResolvers } from '../../resolvers.generated';

export const noteDocument: NonNullable<QueryResolvers['noteDocument']> = (_parent, args, ctx) => load(ctx, decodeId('Note', args.noteId, 'noteId'), args.stateVector);
