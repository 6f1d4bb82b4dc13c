import { decodeId } from '@mosaic/kit';
import { updateNote as update } from '../../domain/notes';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateNote: NonNullable<MutationResolvers['updateNote']> = (_parent, args, ctx) => update(ctx, decodeId('Note', args.id), args.input);
