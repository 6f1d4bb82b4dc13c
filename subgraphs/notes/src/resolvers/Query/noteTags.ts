import { noteTags as tagsOfViewer } from '../../domain/note-tags';
import type { QueryResolvers } from '../../resolvers.generated';

export const noteTags: NonNullable<QueryResolvers['noteTags']> = (_parent, _args, ctx) => tagsOfViewer(ctx);
