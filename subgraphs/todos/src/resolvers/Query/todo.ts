import { decodeId } from '@mosaic/kit';
import { getOwnTodo } from '../../domain/find-todo';
import type { QueryResolvers } from '../../resolvers.generated';

export const todo: NonNullable<QueryResolvers['todo']> = (_parent, args, ctx) => getOwnTodo(ctx, decodeId('Todo', args.id));
