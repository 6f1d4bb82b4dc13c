import { readSharedNote } from '../../domain/share-links';
import type { QueryResolvers } from '../../resolvers.generated';

export const sharedNote: NonNullable<QueryResolvers['sharedNote']> = (_parent, args, ctx) => readSharedNote(ctx.linkDb, args.token, ctx.now());
