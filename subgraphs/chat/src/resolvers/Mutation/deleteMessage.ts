import { decodeId } from '@mosaic/kit';
import { deleteMessage as remove } from '../../domain/messages';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteMessage: NonNullable<MutationResolvers['deleteMessage']> = (_parent, args, ctx) => remove(ctx, decodeId('Message', args.id));
