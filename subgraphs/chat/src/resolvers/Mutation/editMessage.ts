import { decodeId } from '@mosaic/kit';
import { editMessage as edit } from '../../domain/messages';
import type { MutationResolvers } from '../../resolvers.generated';

export const editMessage: NonNullable<MutationResolvers['editMessage']> = (_parent, args, ctx) => edit(ctx, decodeId('Message', args.id), args.text);
