import { notesSharedWithMe as list } from '../../domain/sharing';
import type { QueryResolvers } from '../../resolvers.generated';

export const notesSharedWithMe: NonNullable<QueryResolvers['notesSharedWithMe']> = (_parent, _args, ctx) => list(ctx);
