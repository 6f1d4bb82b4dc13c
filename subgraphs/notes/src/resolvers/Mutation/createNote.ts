import { createNote as create } from '../../domain/notes';
import type { MutationResolvers } from '../../resolvers.generated';

export const createNote: NonNullable<MutationResolvers['createNote']> = (_parent, args, ctx) => create(ctx, args.input);
