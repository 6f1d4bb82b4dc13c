import { decodeId } from '@mosaic/kit';
import { deleteComment } from '../../domain/todo-comments';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteTodoComment: NonNullable<MutationResolvers['deleteTodoComment']> = (_parent, args, ctx) => deleteComment(ctx, decodeId('TodoComment', args.id));
