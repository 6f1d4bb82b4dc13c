import { decodeId } from '@mosaic/kit';
import { diffRevisions } from '../../domain/revisions';
import type { QueryResolvers } from '../../resolvers.generated';

export const noteRevisionDiff: NonNullable<QueryResolvers['noteRevisionDiff']> = (_parent, args, ctx) =>
  diffRevisions(ctx, decodeId('NoteRevision', args.from, 'from'), args.to ? decodeId('NoteRevision', args.to, 'to') : null);
