import { decodeId } from '@mosaic/kit';
import { addComment } from '../../domain/todo-comments';
import type { MutationResolvers } from '../../resolvers.generated';

export const addTodoComment: NonNullable<MutationResolvers['addTodoComment']> = (_parent, args, ctx) => addComment(ctx, decodeId('Todo', args.todoId, 'todoId'), args.body);
